import { boolean, doublePrecision, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Communautés de communes (EPCI) of the territory. */
export const communautes = pgTable('communautes', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  shortName: text('short_name').notNull(),
  siren: text('siren'),
});

export const communes = pgTable(
  'communes',
  {
    inseeCode: text('insee_code').primaryKey(),
    name: text('name').notNull(),
    postalCode: text('postal_code'),
    departmentCode: text('department_code').notNull(),
    departmentName: text('department_name').notNull(),
    population: integer('population'),
    communauteId: text('communaute_id').notNull().references(() => communautes.id),
    lat: doublePrecision('lat'),
    lon: doublePrecision('lon'),
  },
  (t) => [index('communes_communaute_idx').on(t.communauteId)],
);

/** Bureaux d'information touristique; seeded, editable by administrators (some seed facts are unverified). */
export const offices = pgTable('offices', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  communeInsee: text('commune_insee').references(() => communes.inseeCode),
  address: text('address'),
  phone: text('phone'),
  seasonal: boolean('seasonal').notNull().default(false),
  verified: boolean('verified').notNull().default(false),
  active: boolean('active').notNull().default(true),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
