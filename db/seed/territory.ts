import type { Database } from '../client';
import { communautes, communes, offices } from '../schema';
import { seededOfficeIds, territory } from './reference';

/** An office's name as the seed writes it: "Bureau d'information touristique — Le Vigan". */
export const officeName = (office: { town: string }) => `Bureau d'information touristique — ${office.town}`;

/** Inserts the territory (3 communautés, 51 communes, 8 offices); idempotent, never overwrites edits. */
export async function seedTerritory(db: Database): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .insert(communautes)
      .values(territory.communautes_de_communes.map((c) => ({ id: c.id, name: c.name, shortName: c.name_in_dgcl_list, siren: c.siren })))
      .onConflictDoNothing();
    await tx
      .insert(communes)
      .values(
        territory.communes.map((c) => ({
          inseeCode: c.insee_code,
          name: c.name,
          postalCode: c.postal_code ?? null,
          departmentCode: c.department.code,
          departmentName: c.department.name,
          population: c.population.municipale_2013,
          communauteId: c.communaute,
          lat: c.lat ?? null,
          lon: c.lon ?? null,
        })),
      )
      .onConflictDoNothing();
    const rows = territory.information_offices.offices.filter((o) => seededOfficeIds.includes(o.id));
    await tx
      .insert(offices)
      .values(
        rows.map((o) => {
          const extra = o as Record<string, unknown>;
          return {
            id: o.id,
            name: officeName(o),
            communeInsee: o.insee_code ?? null,
            address: (extra.place as string | undefined) ?? (extra.address_hint as string | undefined) ?? null,
            phone: (extra.phone as string | undefined)?.replace(/\s*\(.*\)$/, '') ?? null,
            seasonal: o.seasonal === true,
            verified: !extra.unverified && !extra.commune_unverified,
          };
        }),
      )
      .onConflictDoNothing();
  });
}


