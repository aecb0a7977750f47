import { and, arrayContains, asc, eq, ilike, sql, type SQL } from 'drizzle-orm';
import type { Database, Tx } from '../../client';
import { communes, establishments, users } from '../../schema';
import { categories, labels as knownLabels } from '../../seed/reference';
import { recordAudit } from '../audit';
import { likePattern } from '../../../common/text';
import { frenchSortKey } from './sort';
import { firstOrNull } from '../rows';

// Establishments: list, one, creation, changes (server/services/accounts/establishments.ts decides who may change what).

const columns = {
  id: establishments.id, name: establishments.name, category: establishments.category, subcategory: establishments.subcategory,
  communeInsee: establishments.communeInsee, address: establishments.address, phone: establishments.phone, email: establishments.email,
  website: establishments.website, description: establishments.description, labels: establishments.labels,
  membershipYear: establishments.membershipYear, status: establishments.status, createdAt: establishments.createdAt, updatedAt: establishments.updatedAt,
};

/** An establishment row as its API objects are made from (server/services/accounts/mapping.ts). */
export type EstablishmentRow = Pick<typeof establishments.$inferSelect, keyof typeof columns>;

export interface EstablishmentFilters {
  search?: string;
  category?: string;
  communeInsee?: string;
  communauteId?: string;
  label?: string;
  membershipYear?: number;
  status?: 'active' | 'inactive';
  page?: number;
  pageSize?: number;
}

/** Users counted on an establishment: invited or active, not erased. */
const userCount = sql<number>`(
  select count(*)::int from ${users}
  where ${users.establishmentId} = ${establishments.id} and ${users.status} <> 'disabled' and ${users.erasedAt} is null
)`;

export async function listEstablishments(db: Database, filters: EstablishmentFilters) {
  const page = filters.page ?? 1;
  const pageSize = filters.pageSize ?? 20;
  const conditions: (SQL | undefined)[] = [];
  if (filters.search?.trim()) conditions.push(ilike(establishments.name, likePattern(filters.search)));
  if (filters.category) conditions.push(eq(establishments.category, filters.category));
  if (filters.communeInsee) conditions.push(eq(establishments.communeInsee, filters.communeInsee));
  if (filters.communauteId) conditions.push(eq(communes.communauteId, filters.communauteId));
  if (filters.label) conditions.push(arrayContains(establishments.labels, [filters.label]));
  if (filters.membershipYear) conditions.push(eq(establishments.membershipYear, filters.membershipYear));
  if (filters.status) conditions.push(eq(establishments.status, filters.status));
  const where = and(...conditions);
  const [rows, [count]] = await Promise.all([
    db
      .select({ ...columns, communeName: communes.name, userCount })
      .from(establishments)
      .innerJoin(communes, eq(communes.inseeCode, establishments.communeInsee))
      .where(where)
      .orderBy(asc(frenchSortKey(establishments.name)), asc(establishments.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db
      .select({ total: sql<number>`count(*)::int` })
      .from(establishments)
      .innerJoin(communes, eq(communes.inseeCode, establishments.communeInsee))
      .where(where),
  ]);
  return {
    items: rows,
    total: count?.total ?? 0,
    page,
    pageSize,
  };
}

export async function getEstablishment(db: Database | Tx, id: string): Promise<EstablishmentRow | null> {
  return firstOrNull(db.select(columns).from(establishments).where(eq(establishments.id, id)));
}

export interface EstablishmentInput {
  name?: string;
  category?: string;
  subcategory?: string | null;
  communeInsee?: string;
  address?: string | null;
  phone?: string | null;
  email?: string | null;
  website?: string | null;
  description?: string | null;
  labels?: string[];
  membershipYear?: number | null;
  status?: 'active' | 'inactive';
}

/** A reference the establishment names is unknown (each reason is about one field). */
export type InvalidEstablishment = { ok: false; reason: 'unknownCategory' | 'unknownSubcategory' | 'unknownCommune' | 'unknownLabel' };

/** Checks the reference lists (categories, labels) and the territory's communes. */
async function checkReferences(tx: Tx, merged: { category: string; subcategory: string | null; communeInsee: string; labels: string[] }, changed: EstablishmentInput): Promise<InvalidEstablishment | null> {
  const category = categories.find((c) => c.id === merged.category);
  if (!category) return { ok: false, reason: 'unknownCategory' };
  if (merged.subcategory && !category.subcategories.some((s) => s.id === merged.subcategory)) {
    return { ok: false, reason: 'unknownSubcategory' };
  }
  if (changed.labels && changed.labels.some((l) => !knownLabels.includes(l))) return { ok: false, reason: 'unknownLabel' };
  if (changed.communeInsee !== undefined) {
    const [commune] = await tx.select({ code: communes.inseeCode }).from(communes).where(eq(communes.inseeCode, merged.communeInsee));
    if (!commune) return { ok: false, reason: 'unknownCommune' };
  }
  return null;
}

export async function createEstablishment(
  db: Database,
  input: { actorId: string; data: EstablishmentInput & { name: string; category: string; communeInsee: string }; ip: string | null },
): Promise<{ ok: true; establishment: EstablishmentRow; sameName: { id: string; name: string }[] } | InvalidEstablishment> {
  return db.transaction(async (tx) => {
    const d = input.data;
    const invalid = await checkReferences(tx, { category: d.category, subcategory: d.subcategory ?? null, communeInsee: d.communeInsee, labels: d.labels ?? [] }, d);
    if (invalid) return invalid;
    // Not refused (two « Gîte du Moulin » may exist in one commune), but the caller is warned.
    const sameName = await tx
      .select({ id: establishments.id, name: establishments.name })
      .from(establishments)
      .where(and(eq(establishments.communeInsee, d.communeInsee), sql`lower(${establishments.name}) = lower(${d.name.trim()})`))
      .limit(5);
    const [row] = await tx
      .insert(establishments)
      .values({
        name: d.name, category: d.category, subcategory: d.subcategory ?? null, communeInsee: d.communeInsee, address: d.address ?? null,
        phone: d.phone ?? null, email: d.email?.toLowerCase() ?? null, website: d.website ?? null, description: d.description ?? null,
        labels: d.labels ?? [], membershipYear: d.membershipYear ?? null, status: d.status ?? 'active',
      })
      .returning(columns);
    await recordAudit(tx, { actorId: input.actorId, action: 'establishment.create', targetType: 'establishment', targetId: row!.id, ip: input.ip });
    return { ok: true as const, establishment: row!, sameName };
  });
}

export type UpdateEstablishmentResult = { ok: true; establishment: EstablishmentRow } | { ok: false; reason: 'establishmentNotFound' } | InvalidEstablishment;

/** Applies the given fields (the caller decided which fields this actor may send). */
export async function updateEstablishment(
  db: Database,
  input: { actorId: string; id: string; patch: EstablishmentInput; ip: string | null },
): Promise<UpdateEstablishmentResult> {
  return db.transaction(async (tx) => {
    const [current] = await tx.select(columns).from(establishments).where(eq(establishments.id, input.id)).for('update');
    if (!current) return { ok: false as const, reason: 'establishmentNotFound' as const };
    const patch = { ...input.patch };
    if (patch.email) patch.email = patch.email.toLowerCase();
    const category = patch.category ?? current.category;
    let subcategory = patch.subcategory !== undefined ? patch.subcategory : current.subcategory;
    // A new category drops a sub-category that does not belong to it (unless one was sent, then it is checked).
    if (patch.category && patch.subcategory === undefined && subcategory && !categories.find((c) => c.id === category)?.subcategories.some((s) => s.id === subcategory)) {
      subcategory = null;
      patch.subcategory = null;
    }
    const invalid = await checkReferences(tx, { category, subcategory, communeInsee: patch.communeInsee ?? current.communeInsee, labels: patch.labels ?? current.labels }, patch);
    if (invalid) return invalid;
    const changed = (Object.keys(patch) as (keyof EstablishmentInput)[]).filter((k) => JSON.stringify(patch[k]) !== JSON.stringify(current[k]));
    if (changed.length === 0) return { ok: true as const, establishment: current };
    const [row] = await tx
      .update(establishments)
      .set({ ...Object.fromEntries(changed.map((k) => [k, patch[k]])), updatedAt: sql`now()` })
      .where(eq(establishments.id, input.id))
      .returning(columns);
    await recordAudit(tx, { actorId: input.actorId, action: 'establishment.update', targetType: 'establishment', targetId: input.id, details: { fields: changed }, ip: input.ip });
    return { ok: true as const, establishment: row! };
  });
}
