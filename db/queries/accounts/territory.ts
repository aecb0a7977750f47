import { asc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../client';
import { communautes, communes, offices } from '../../schema';
import { categories, labels } from '../../seed/reference';
import { recordAudit } from '../audit';

const officeColumns = {
  id: offices.id, name: offices.name, communeInsee: offices.communeInsee, address: offices.address, phone: offices.phone,
  seasonal: offices.seasonal, verified: offices.verified, active: offices.active,
};
export type OfficeRow = { id: string; name: string; communeInsee: string | null; address: string | null; phone: string | null; seasonal: boolean; verified: boolean; active: boolean };

/** The territory and the reference lists every form needs (one request, cacheable by the client). */
export type TerritoryRows = Awaited<ReturnType<typeof getTerritory>>;
export async function getTerritory(db: Database) {
  const [communauteRows, communeRows, officeRows] = await Promise.all([
    db.select({ id: communautes.id, name: communautes.name, shortName: communautes.shortName }).from(communautes).orderBy(asc(communautes.name)),
    db
      .select({
        inseeCode: communes.inseeCode, name: communes.name, postalCode: communes.postalCode, departmentCode: communes.departmentCode,
        departmentName: communes.departmentName, population: communes.population, communauteId: communes.communauteId,
      })
      .from(communes)
      .orderBy(asc(communes.name)),
    db.select(officeColumns).from(offices).orderBy(asc(offices.seasonal), asc(offices.name)),
  ]);
  return { communautes: communauteRows, communes: communeRows, offices: officeRows, categories, labels };
}

export type UpdateOfficeResult = { ok: true; office: OfficeRow } | { ok: false; reason: 'officeNotFound' | 'unknownCommune' };

export async function updateOffice(
  db: Database,
  input: { actorId: string; id: string; patch: Partial<Omit<OfficeRow, 'id'>>; ip: string | null },
): Promise<UpdateOfficeResult> {
  return db.transaction(async (tx) => {
    const [current] = await tx.select(officeColumns).from(offices).where(eq(offices.id, input.id)).for('update');
    if (!current) return { ok: false as const, reason: 'officeNotFound' as const };
    if (input.patch.communeInsee) {
      const [commune] = await tx.select({ code: communes.inseeCode }).from(communes).where(eq(communes.inseeCode, input.patch.communeInsee));
      if (!commune) return { ok: false as const, reason: 'unknownCommune' as const };
    }
    const changed = (Object.keys(input.patch) as (keyof typeof input.patch)[]).filter((k) => input.patch[k] !== current[k]);
    if (changed.length === 0) return { ok: true as const, office: current };
    const [row] = await tx
      .update(offices)
      .set({ ...Object.fromEntries(changed.map((k) => [k, input.patch[k]])), updatedAt: sql`now()` })
      .where(eq(offices.id, input.id))
      .returning(officeColumns);
    await recordAudit(tx, { actorId: input.actorId, action: 'office.update', targetType: 'office', targetId: input.id, details: { fields: changed }, ip: input.ip });
    return { ok: true as const, office: row! };
  });
}
