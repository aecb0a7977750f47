import { asc, sql } from 'drizzle-orm';
import { pgTable, text } from 'drizzle-orm/pg-core';
import { Value } from 'typebox/value';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audienceValues, audienceVisible, checkAudience, loadAudienceViewer, STAFF_ONLY, type Audience } from '../../db/queries/audience';
import { audienceColumns } from '../../db/schema/audience';
import { AudienceSchema } from '../../server/schemas/audience';
import { createEstablishment, createUser } from '../helpers/app';
import { createTestDatabase, type TestDatabase } from '../helpers/db';

// A content table of the test's own with the audience columns, on the real,
// migrated and seeded PostgreSQL database (3 communautés, 51 communes, 8 offices).
const probe = pgTable('audience_probe', { id: text('id').primaryKey(), ...audienceColumns() });

const a = (partial: Partial<Audience>): Audience => ({ ...STAFF_ONLY, kind: 'partners', ...partial });
const rows: Record<string, Audience> = {
  everyone: { ...STAFF_ONLY, kind: 'everyone' },
  staff: STAFF_ONLY,
  allPartners: a({}),
  campsites: a({ subcategories: ['camping'] }),
  lodgingInPaysViganais: a({ categories: ['hebergement'], communautes: ['pv'] }),
  ganges: a({ communes: ['34111'] }),
  officeLeVigan: a({ offices: ['bit-le-vigan'] }),
  officeValleraugue: a({ offices: ['bit-valleraugue'] }),
  restaurantsInGangeoisOrLeVigan: a({ categories: ['restauration'], communautes: ['ccgs'], communes: ['30350'] }),
  // Filters are dropped for a staff-only row: it never says more than it does.
  staffWithStrayFilter: { ...STAFF_ONLY, categories: ['restauration'] },
};

let database: TestDatabase;

async function visibleTo(principal: { role: 'partner' | 'staff' | 'admin'; establishmentId: string | null }) {
  const viewer = await loadAudienceViewer(database.db, principal);
  const found = await database.db.select({ id: probe.id }).from(probe).where(audienceVisible(probe, viewer)).orderBy(asc(probe.id));
  return found.map((r) => r.id);
}

beforeAll(async () => {
  database = await createTestDatabase(2);
  await database.db.execute(sql`create table audience_probe (
    id text primary key, audience_kind audience_kind not null default 'staff',
    audience_categories text[] not null default '{}', audience_subcategories text[] not null default '{}',
    audience_communes text[] not null default '{}', audience_communautes text[] not null default '{}', audience_offices text[] not null default '{}')`);
  await database.db.insert(probe).values(Object.entries(rows).map(([id, audience]) => ({ id, ...audienceValues(audience) })));
});
afterAll(async () => database?.drop());

describe('audience predicate on PostgreSQL', () => {
  it('staff and admins see every audience', async () => {
    const all = Object.keys(rows).sort();
    const staff = await createUser(database, 'staff');
    const admin = await createUser(database, 'admin');
    expect(await visibleTo({ role: 'staff', establishmentId: staff.establishmentId })).toEqual(all);
    expect(await visibleTo({ role: 'admin', establishmentId: admin.establishmentId })).toEqual(all);
  });

  it('a campsite in Le Vigan (Pays Viganais): its sub-category, its category in its communauté, its office', async () => {
    const e = await createEstablishment(database, { category: 'hebergement', subcategory: 'camping', communeInsee: '30350' });
    expect(await visibleTo({ role: 'partner', establishmentId: e.id })).toEqual(
      ['allPartners', 'campsites', 'everyone', 'lodgingInPaysViganais', 'officeLeVigan'],
    );
  });

  it('a restaurant in Ganges (Cévennes Gangeoises): its commune, its category in its communauté; no campsite, no Pays Viganais', async () => {
    const e = await createEstablishment(database, { category: 'restauration', subcategory: 'restaurant', communeInsee: '34111' });
    expect(await visibleTo({ role: 'partner', establishmentId: e.id })).toEqual(['allPartners', 'everyone', 'ganges', 'restaurantsInGangeoisOrLeVigan']);
  });

  it('a restaurant in Le Vigan: listed by commune although its communauté is not', async () => {
    const e = await createEstablishment(database, { category: 'restauration', subcategory: 'bar_cafe', communeInsee: '30350' });
    expect(await visibleTo({ role: 'partner', establishmentId: e.id })).toEqual(['allPartners', 'everyone', 'officeLeVigan', 'restaurantsInGangeoisOrLeVigan']);
  });

  it('a gîte in Valleraugue (Causses Aigoual Cévennes): the office of its communauté, nothing meant for Pays Viganais or campsites', async () => {
    const e = await createEstablishment(database, { category: 'hebergement', subcategory: 'gite', communeInsee: '30339' });
    expect(await visibleTo({ role: 'partner', establishmentId: e.id })).toEqual(['allPartners', 'everyone', 'officeValleraugue']);
  });

  it('a partner without an establishment sees only what is meant for everyone', async () => {
    expect(await visibleTo({ role: 'partner', establishmentId: null })).toEqual(['everyone']);
    expect(await visibleTo({ role: 'partner', establishmentId: '00000000-0000-4000-8000-000000000000' })).toEqual(['everyone']);
  });
});

describe('audience values and schema', () => {
  it('stores filters only for partners', () => {
    expect(audienceValues({ ...STAFF_ONLY, kind: 'everyone', communes: ['30350'] })).toMatchObject({ audienceKind: 'everyone', audienceCommunes: [] });
    expect(audienceValues(a({ communes: ['30350'] }))).toMatchObject({ audienceKind: 'partners', audienceCommunes: ['30350'] });
  });

  it('checks every id against the reference lists and the territory', async () => {
    expect(await checkAudience(database.db, a({ categories: ['hebergement'], subcategories: ['camping'], communes: ['30350', '34111'], communautes: ['pv'], offices: ['bit-ganges'] }))).toBeNull();
    expect(await checkAudience(database.db, a({ categories: ['casino'] }))).toBe('unknownCategory');
    expect(await checkAudience(database.db, a({ subcategories: ['casino'] }))).toBe('unknownSubcategory');
    expect(await checkAudience(database.db, a({ communes: ['30350', '75056'] }))).toBe('unknownCommune');
    expect(await checkAudience(database.db, a({ communautes: ['metropole'] }))).toBe('unknownCommunaute');
    expect(await checkAudience(database.db, a({ offices: ['bit-paris'] }))).toBe('unknownOffice');
  });

  it('the TypeBox schema is strict and bounded', () => {
    expect(Value.Check(AudienceSchema, a({ communes: ['30350', '2A004'] }))).toBe(true);
    expect(Value.Check(AudienceSchema, { ...a({}), extra: 1 })).toBe(false);
    expect(Value.Check(AudienceSchema, a({ communes: ['Le Vigan'] }))).toBe(false);
    expect(Value.Check(AudienceSchema, a({ communes: ['30350', '30350'] }))).toBe(false);
    expect(Value.Check(AudienceSchema, a({ offices: Array.from({ length: 21 }, (_, i) => `o-${i}`) }))).toBe(false);
    expect(Value.Check(AudienceSchema, { ...a({}), kind: 'public' })).toBe(false);
  });
});
