import { eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Database } from '../client';
import { communautes, communes, establishments, offices, users } from '../schema';
import type { AudienceKind } from '../schema/audience';
import { categories } from '../seed/reference';

/** An audience as stored and as the API carries it. */
export interface Audience {
  kind: AudienceKind;
  categories: string[];
  subcategories: string[];
  communes: string[];
  communautes: string[];
  offices: string[];
}

/** The audience columns of a content table (what `audienceColumns()` added). */
export interface AudienceTable {
  audienceKind: AnyPgColumn;
  audienceCategories: AnyPgColumn;
  audienceSubcategories: AnyPgColumn;
  audienceCommunes: AnyPgColumn;
  audienceCommunautes: AnyPgColumn;
  audienceOffices: AnyPgColumn;
}

/**
 * Who is looking, reduced to what audiences test. Staff and admins see every
 * audience; a partner is described by their establishment. A partner's
 * offices are the offices of their communauté de communes: the territory data
 * records no finer service area for a bureau (when it does, only
 * `loadAudienceViewer` changes).
 */
export type AudienceViewer =
  | { kind: 'staff' }
  | { kind: 'partner'; category: string; subcategory: string | null; commune: string; communaute: string; offices: string[] }
  /** A partner whose establishment is gone: sees only what is meant for everyone. */
  | { kind: 'anyone' };

const viewerQuery = (db: Database) =>
  db
    .select({
      category: establishments.category, subcategory: establishments.subcategory, commune: establishments.communeInsee,
      communaute: communes.communauteId,
      offices: officesOfCommunaute(communes.communauteId),
    })
    .from(establishments)
    .innerJoin(communes, eq(communes.inseeCode, establishments.communeInsee))
    .where(eq(establishments.id, sql.placeholder('establishmentId')))
    .prepare('audience_viewer');
// Prepared once per database: read at every partner request of the library (the query built anew cost more than it runs).
const preparedViewer = new WeakMap<Database, ReturnType<typeof viewerQuery>>();

export async function loadAudienceViewer(db: Database, principal: { role: 'partner' | 'staff' | 'admin'; establishmentId: string | null }): Promise<AudienceViewer> {
  if (principal.role !== 'partner') return { kind: 'staff' };
  if (!principal.establishmentId) return { kind: 'anyone' };
  let statement = preparedViewer.get(db);
  if (!statement) preparedViewer.set(db, (statement = viewerQuery(db)));
  const [row] = await statement.execute({ establishmentId: principal.establishmentId });
  return row ? { kind: 'partner', ...row } : { kind: 'anyone' };
}

/** The active offices of a communauté de communes (the offices a partner there belongs to), as a text[]. */
export function officesOfCommunaute(communauteId: AnyPgColumn | SQL): SQL<string[]> {
  return sql<string[]>`coalesce((select array_agg(o.id order by o.id) from ${offices} o join ${communes} oc on oc.insee_code = o.commune_insee where oc.communaute_id = ${communauteId} and o.active), '{}')`;
}

const anyOf = (values: readonly string[] | SQL, column: AnyPgColumn): SQL =>
  !Array.isArray(values) ? sql`${column} && ${values}` : values.length ? sql.join(values.map((v) => sql`${v} = any(${column})`), sql` or `) : sql`false`;

/** What the partner rule reads of a partner: values (a viewer) or columns of a query (a mailing's recipients). */
interface PartnerFacts {
  category: string | SQL;
  subcategory: string | SQL | null;
  commune: string | SQL;
  communaute: string | SQL;
  offices: readonly string[] | SQL;
}

/**
 * THE visibility rule, as one SQL condition on a table with audience columns:
 * - `everyone`: every signed-in user; `staff`: staff and admins only;
 * - `partners`: partners whose category or sub-category is listed (no list: any),
 *   and whose commune, communauté or office is listed (no list: anywhere).
 * Within "what" and within "where" lists combine with OR; the two with AND.
 * Staff and admins see everything. Every list, search, detail, download,
 * preview and mail of audience-bearing content goes through it.
 */
export function audienceVisible(t: AudienceTable, viewer: AudienceViewer): SQL {
  if (viewer.kind === 'staff') return sql`true`;
  const everyone = sql`${t.audienceKind} = 'everyone'`;
  if (viewer.kind === 'anyone') return everyone;
  return sql`(${everyone} or ${partnersRule(t, viewer)})`;
}

/** The partners branch of the rule: kind 'partners' and the partner's "what" and "where" listed (or no list). */
function partnersRule(t: AudienceTable, p: PartnerFacts): SQL {
  const what = sql`(cardinality(${t.audienceCategories}) = 0 and cardinality(${t.audienceSubcategories}) = 0)
    or ${p.category} = any(${t.audienceCategories})
    or ${p.subcategory ? sql`${p.subcategory} = any(${t.audienceSubcategories})` : sql`false`}`;
  const where = sql`(cardinality(${t.audienceCommunes}) = 0 and cardinality(${t.audienceCommunautes}) = 0 and cardinality(${t.audienceOffices}) = 0)
    or ${p.commune} = any(${t.audienceCommunes})
    or ${p.communaute} = any(${t.audienceCommunautes})
    or ${anyOf(p.offices, t.audienceOffices)}`;
  return sql`(${t.audienceKind} = 'partners' and (${what}) and (${where}))`;
}

/**
 * The same rule read the other way, for mailings: whether the audience of `t`
 * reaches an establishment given by the columns of a query (its category,
 * sub-category, commune and the commune's communauté). Content for everyone
 * reaches every establishment; staff-only content none.
 */
export function audienceReachesEstablishment(t: AudienceTable, e: { category: AnyPgColumn | SQL; subcategory: AnyPgColumn | SQL; commune: AnyPgColumn | SQL; communaute: AnyPgColumn | SQL }): SQL {
  const col = (c: AnyPgColumn | SQL): SQL => sql`${c}`;
  return sql`(${t.audienceKind} = 'everyone' or ${partnersRule(t, {
    category: col(e.category), subcategory: col(e.subcategory), commune: col(e.commune), communaute: col(e.communaute),
    offices: officesOfCommunaute(col(e.communaute)),
  })})`;
}

/**
 * The same rule read the other way, per person: whether the user of the row
 * `users` (joined, for partners, with their establishment and its commune in
 * the query: `establishments`, `communes`) is in the audience of the content
 * row `t`. Partners as `audienceVisible` would decide for them; staff and
 * admins when the audience is `everyone` or `staff` (a `partners` audience is
 * not theirs, though they may read it). For mailing an audience and counting
 * who of it read something.
 */
export function audienceMembers(t: AudienceTable): SQL {
  const reaches = audienceReachesEstablishment(t, {
    category: establishments.category, subcategory: establishments.subcategory, commune: establishments.communeInsee, communaute: communes.communauteId,
  });
  return sql`(case when ${users.role} = 'partner' then ${reaches} else ${t.audienceKind} <> 'partners' end)`;
}

/** Values for an insert or update from an API audience. */
export function audienceValues(a: Audience) {
  const partners = a.kind === 'partners';
  return {
    audienceKind: a.kind,
    // Filters mean something only for partners: stored empty otherwise, so a row never says more than it does.
    audienceCategories: partners ? a.categories : [],
    audienceSubcategories: partners ? a.subcategories : [],
    audienceCommunes: partners ? a.communes : [],
    audienceCommunautes: partners ? a.communautes : [],
    audienceOffices: partners ? a.offices : [],
  };
}

/** The API audience of a row read with its audience columns. */
export function toAudience(row: { audienceKind: AudienceKind; audienceCategories: string[]; audienceSubcategories: string[]; audienceCommunes: string[]; audienceCommunautes: string[]; audienceOffices: string[] }): Audience {
  return {
    kind: row.audienceKind, categories: row.audienceCategories, subcategories: row.audienceSubcategories,
    communes: row.audienceCommunes, communautes: row.audienceCommunautes, offices: row.audienceOffices,
  };
}

export type AudienceRefusal = 'unknownCategory' | 'unknownSubcategory' | 'unknownCommune' | 'unknownCommunaute' | 'unknownOffice';

/** Checks that every id of an audience exists (categories from the reference list, places in the database). */
export async function checkAudience(db: Database, a: Audience): Promise<AudienceRefusal | null> {
  if (a.categories.some((c) => !categories.some((k) => k.id === c))) return 'unknownCategory';
  if (a.subcategories.some((s) => !categories.some((k) => k.subcategories.some((x) => x.id === s)))) return 'unknownSubcategory';
  const allExist = async (ids: string[], count: () => Promise<number>) => ids.length === 0 || (await count()) === new Set(ids).size;
  if (!(await allExist(a.communes, () => db.$count(communes, inArray(communes.inseeCode, a.communes))))) return 'unknownCommune';
  if (!(await allExist(a.communautes, () => db.$count(communautes, inArray(communautes.id, a.communautes))))) return 'unknownCommunaute';
  if (!(await allExist(a.offices, () => db.$count(offices, inArray(offices.id, a.offices))))) return 'unknownOffice';
  return null;
}

/** An audience as the `audience_kind` column default (staff only): new content is private until someone chooses. */
export const STAFF_ONLY: Audience = { kind: 'staff', categories: [], subcategories: [], communes: [], communautes: [], offices: [] };
