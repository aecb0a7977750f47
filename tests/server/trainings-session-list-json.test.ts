import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fastJson from 'fast-json-stringify';
import { sql } from 'drizzle-orm';
import { getSessionRow } from '../../db/queries/trainings/sessions';
import { mapUrl } from '../../common/places';
import { SessionList } from '../../server/schemas/trainings';
import { toSessionListItem } from '../../server/services/trainings/mapping';
import { createTestApp, createUser, injectAs, type TestContext, type TestUser } from '../helpers/app';
import { makeSession, makeTraining } from '../helpers/trainings';

/**
 * The partners' session list is the one response whose JSON PostgreSQL
 * builds (db/queries/trainings/session-list.ts) and the api sends as text,
 * without the response serializer. It must say exactly what the schema would
 * have sent for the same data mapped by `toSessionListItem` (which the detail
 * page and the other lists use), map link included.
 */

let ctx: TestContext;
let staff: TestUser;
let alice: TestUser;
let trainingId: string;
const stringify = fastJson(SessionList as object);

beforeAll(async () => {
  ctx = await createTestApp();
  staff = await createUser(ctx, 'staff');
  alice = await createUser(ctx, 'partner');
  trainingId = await makeTraining(ctx, staff.id, { title: 'Accueil « vélo » & randonnée', summary: 'Résumé avec "guillemets" et \\ barre' });
  const rows = await ctx.db.execute(sql`select insee_code from communes where name ~ '[^A-Za-z ]' order by insee_code limit 1`);
  const [commune] = (Array.isArray(rows) ? rows : (rows as unknown as { rows: unknown[] }).rows) as { insee_code: string }[];
  const at = (days: number, o: Parameters<typeof makeSession>[3]) => makeSession(ctx, trainingId, staff.id, { startsInDays: days, ...o });
  // At an office; at an address whose text needs every kind of escaping in a URL; online; full with a waiting list.
  await at(5, {});
  const address = await at(6, { placeKind: 'address', officeId: null, communeInsee: commune!.insee_code, address: 'Mas de l’Aïgo, 2 chemin d\'En-Haut & "Bel-Air" #3 100%+<b> ~*()!' });
  await at(7, { placeKind: 'online', officeId: null, onlineUrl: 'https://visio.example.org/salle?x=1' });
  const full = await at(8, { capacity: 1 });
  const bob = await createUser(ctx, 'partner');
  const as = async (u: TestUser, id: string) => {
    const res = await (await injectAs(ctx, u))({ method: 'POST', url: `/api/trainings/sessions/${id}/registrations`, payload: {} });
    expect(res.statusCode).toBe(201);
  };
  await as(alice, address); // confirmed
  await as(bob, full); // takes the only seat
  await as(alice, full); // waiting, position 1
});
afterAll(async () => ctx?.close());

describe('the session list built by PostgreSQL', () => {
  it('equals the schema-serialised form of the same sessions mapped in TypeScript, map link included', async () => {
    const res = await (await injectAs(ctx, alice))({ method: 'GET', url: `/api/trainings/sessions?trainingId=${trainingId}` });
    expect(res.statusCode).toBe(200);
    const fromSql = res.json() as { items: { id: string; place: { kind: string; mapUrl: string | null } }[]; nextCursor: string | null };
    expect(fromSql.items).toHaveLength(4);

    const rows = await Promise.all(fromSql.items.map((i) => getSessionRow(ctx.db, i.id, alice.id)));
    const expected = { items: rows.map((r) => toSessionListItem(r!, false)), nextCursor: fromSql.nextCursor };
    // Nothing more, nothing less, nothing different: what the serializer would have sent.
    expect(fromSql).toEqual(JSON.parse(stringify(expected)));
    expect(stringify(fromSql)).toBe(stringify(expected));

    // The map link is the one function's, for every kind of place.
    for (const [i, item] of fromSql.items.entries()) {
      const r = rows[i]!;
      const address = r.placeKind === 'office' ? r.officeAddress : r.placeKind === 'address' ? r.sessionAddress : null;
      expect(item.place.mapUrl).toBe(mapUrl({
        kind: r.placeKind, officeName: r.officeName, address, communeName: r.placeKind === 'online' ? null : r.communeName,
        postalCode: r.placeKind === 'online' ? null : r.postalCode, lat: null, lon: null,
      }));
    }
    const kinds = fromSql.items.map((i) => i.place.kind);
    expect(kinds).toEqual(['office', 'address', 'online', 'office']);
    expect(fromSql.items[1]!.place.mapUrl).toContain('%C3%AF'); // ï, as encodeURIComponent writes it
    expect(fromSql.items[2]!.place.mapUrl).toBeNull();
  });
});
