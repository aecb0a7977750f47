import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { auditLog, establishments, mailMessages, users } from '../../db/schema';
import { createTestApp, createUser, injectAs, type Injector, type TestContext, type TestUser } from '../helpers/app';
import { expectProblem, fieldErrors } from '../helpers/accounts';

/**
 * Bad input gets a clear 4xx problem+json in French with field errors, and
 * changes nothing. Text that looks like SQL or HTML is data: stored as typed,
 * returned as JSON strings, never executed or interpreted.
 */
let ctx: TestContext;
let staff: TestUser;
let partner: TestUser;
let asStaff: Injector;
let asPartner: Injector;

const valid = { name: 'Gîte des Cévennes', category: 'hebergement', subcategory: 'gite', communeInsee: '30350' };

beforeAll(async () => {
  ctx = await createTestApp({ RATE_LIMIT_LOGIN_PER_MINUTE: 1000 });
  staff = await createUser(ctx, 'staff');
  partner = await createUser(ctx, 'partner');
  asStaff = await injectAs(ctx, staff);
  asPartner = await injectAs(ctx, partner);
});

afterAll(async () => ctx?.close());

/** Row counts of the tables a bad request could touch. */
async function snapshot() {
  const [row] = await ctx.db.select({
    establishments: sql<number>`(select count(*)::int from ${establishments})`,
    users: sql<number>`(select count(*)::int from ${users})`,
    audit: sql<number>`(select count(*)::int from ${auditLog})`,
    mails: sql<number>`(select count(*)::int from ${mailMessages})`,
    updated: sql<string>`(select coalesce(max(${establishments.updatedAt}), 'epoch')::text from ${establishments})`,
  }).from(sql`(select 1) as one`);
  return row;
}

describe('malformed requests', () => {
  it('answers malformed JSON with a French problem', async () => {
    const before = await snapshot();
    const res = await asStaff({ method: 'POST', url: '/api/establishments', headers: { 'content-type': 'application/json' }, payload: '{"name": "Gîte", ' });
    expect(expectProblem(res, 400).detail).toBe('Le corps de la requête n’est pas un JSON valide.');
    const login = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{email:' });
    expectProblem(login, 400);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a body that is not JSON, and one too large', async () => {
    const form = await asStaff({ method: 'POST', url: '/api/establishments', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'name=G%C3%AEte' });
    expect(expectProblem(form, 415).detail).toBe('Type de contenu non pris en charge.');
    // text/plain is what a foreign page can send without a preflight: every write with a body must be JSON (abuse-csrf.test.ts).
    const text = await asStaff({ method: 'POST', url: '/api/establishments', headers: { 'content-type': 'text/plain' }, payload: 'name=Gîte' });
    expect(expectProblem(text, 415).detail).toBe('Type de contenu non pris en charge.');
    const huge = await asStaff({ method: 'POST', url: '/api/establishments', payload: { ...valid, description: 'x'.repeat(1_100_000) } });
    expect(expectProblem(huge, 413).detail).toBe('Le contenu envoyé est trop volumineux.');
  });

  it('refuses unknown fields, naming them', async () => {
    const before = await snapshot();
    const res = await asStaff({ method: 'POST', url: '/api/establishments', payload: { ...valid, isAdmin: true } });
    expect(expectProblem(res, 400).detail).toBe('Certaines informations sont invalides.');
    expect(fieldErrors(res)).toEqual({ isAdmin: 'Champ inconnu\u00a0: « isAdmin ».' });
    const me = await asPartner({ method: 'PATCH', url: '/api/me', payload: { role: 'admin' } });
    expect(fieldErrors(me)).toEqual({ role: 'Champ inconnu\u00a0: « role ».' });
    const nested = await asPartner({ method: 'PATCH', url: '/api/me', payload: { emailPreferences: { newsletter: true, sms: true } } });
    expect(fieldErrors(nested)['emailPreferences.sms']).toBe('Champ inconnu\u00a0: « sms ».');
    const query = await asStaff({ method: 'GET', url: '/api/users?orderBy=password_hash' });
    expect(fieldErrors(query).orderBy).toBeDefined();
    expect(await snapshot()).toEqual(before);
  });

  it('refuses over-long and empty strings', async () => {
    const before = await snapshot();
    const res = await asStaff({ method: 'POST', url: '/api/establishments', payload: { ...valid, name: 'G'.repeat(161), description: 'd'.repeat(4001) } });
    expectProblem(res, 400);
    expect(fieldErrors(res)).toEqual({ name: 'Au plus 160 caractères.', description: 'Au plus 4000 caractères.' });
    const blank = await asStaff({ method: 'POST', url: '/api/establishments', payload: { ...valid, name: '   ' } });
    expect(fieldErrors(blank).name).toBe('Format invalide.');
    const missing = await asStaff({ method: 'POST', url: '/api/establishments', payload: { category: 'hebergement' } });
    expect(fieldErrors(missing)).toMatchObject({ name: 'Ce champ est obligatoire.', communeInsee: 'Ce champ est obligatoire.' });
    const password = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'a@b.example', password: 'p'.repeat(129) } });
    expect(fieldErrors(password).password).toBe('Au plus 128 caractères.');
    expect(await snapshot()).toEqual(before);
  });

  it('refuses wrong types and values out of range', async () => {
    const before = await snapshot();
    const res = await asStaff({
      method: 'POST', url: '/api/establishments',
      payload: { ...valid, membershipYear: 'deux mille', labels: { first: 'Qualité Tourisme' }, status: 'ouvert', name: { fr: 'Gîte' } },
    });
    expectProblem(res, 400);
    const errors = fieldErrors(res);
    expect(Object.keys(errors).sort()).toEqual(['labels', 'membershipYear', 'name', 'status']);
    expect(errors.name).toBe('Type attendu\u00a0: texte.');
    expect(errors.labels).toBe('Type attendu\u00a0: liste.');
    expect(errors.status).toBe('Valeur non autorisée.');
    const year = await asStaff({ method: 'POST', url: '/api/establishments', payload: { ...valid, membershipYear: 1789 } });
    expect(fieldErrors(year).membershipYear).toBeDefined();
    const email = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'pas-une-adresse', password: 'x' } });
    expect(fieldErrors(email).email).toBe('Format invalide (adresse e-mail).');
    const nullable = await asStaff({ method: 'POST', url: '/api/establishments', payload: { ...valid, address: { street: '1 rue' } } });
    expect(fieldErrors(nullable).address).toBe('Type attendu\u00a0: texte ou vide.');
    const pref = await asPartner({ method: 'PATCH', url: '/api/me', payload: { emailPreferences: { newsletter: 'peut-être' } } });
    expect(fieldErrors(pref)['emailPreferences.newsletter']).toBe('Type attendu\u00a0: vrai/faux.');
    const page = await asStaff({ method: 'GET', url: '/api/users?pageSize=1000&page=0' });
    expect(fieldErrors(page)).toMatchObject({ pageSize: 'La valeur doit être au plus 100.', page: 'La valeur doit être au moins 1.' });
    const id = await asStaff({ method: 'PATCH', url: "/api/users/1' OR '1'='1", payload: { status: 'disabled' } });
    expect(fieldErrors(id).id).toBe('Format invalide (identifiant).');
    expect(await snapshot()).toEqual(before);
  });

  it('refuses links that are not http(s) and malformed phone numbers', async () => {
    const before = await snapshot();
    const js = await asPartner({ method: 'PATCH', url: `/api/establishments/${partner.establishmentId}`, payload: { website: 'javascript:alert(document.cookie)' } });
    expect(fieldErrors(js).website).toBeDefined();
    const phone = await asPartner({ method: 'PATCH', url: `/api/establishments/${partner.establishmentId}`, payload: { phone: '<b>04</b>' } });
    expect(fieldErrors(phone).phone).toBe('Format invalide.');
    expect(await snapshot()).toEqual(before);
  });

  it('answers in English to an English browser', async () => {
    // Anonymous: a signed-in caller's access is checked before validation, and then their own language applies.
    const res = await ctx.app.inject({ method: 'POST', url: '/api/auth/password/forgot', headers: { 'accept-language': 'en' }, payload: { email: `${'g'.repeat(250)}@example.test` } });
    expect(expectProblem(res, 400).detail).toBe('Some of the information is invalid.');
    expect(fieldErrors(res).email).toBe('At most 254 characters.');
  });
});

describe('SQL and HTML in text fields', () => {
  it('treats SQL as data in searches and stored text', async () => {
    const injection = "'; DROP TABLE users; --";
    const search = await asStaff({ method: 'GET', url: `/api/users?search=${encodeURIComponent(injection)}` });
    expect(search.statusCode).toBe(200);
    expect(search.json().total).toBe(0);
    const estSearch = await asStaff({ method: 'GET', url: `/api/establishments?search=${encodeURIComponent("x' OR 1=1 --")}` });
    expect(estSearch.json().total).toBe(0);

    const created = await asStaff({ method: 'POST', url: '/api/establishments', payload: { ...valid, name: `Robert'); DROP TABLE establishments;--`, address: injection } });
    expect(created.statusCode, created.body).toBe(201);
    const [row] = await ctx.db.select({ name: establishments.name, address: establishments.address }).from(establishments).where(eq(establishments.id, created.json().id));
    expect(row).toEqual({ name: `Robert'); DROP TABLE establishments;--`, address: injection });
    expect(await ctx.db.$count(users)).toBeGreaterThan(0);
  });

  it('stores HTML as the plain text typed and returns it as a JSON string, never as markup', async () => {
    const html = '<script>alert("xss")</script><img src=x onerror=alert(1)><b>Gîte</b> & "quotes"';
    const res = await asPartner({ method: 'PATCH', url: `/api/establishments/${partner.establishmentId}`, payload: { description: html, address: '<a href="javascript:alert(1)">1 rue</a>' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.json().description).toBe(html);
    // Helmet's headers stop a browser from sniffing the JSON as HTML.
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    const [row] = await ctx.db.select({ description: establishments.description }).from(establishments).where(eq(establishments.id, partner.establishmentId!));
    expect(row!.description).toBe(html);
    const read = await asPartner({ method: 'GET', url: `/api/establishments/${partner.establishmentId}` });
    expect(read.json().description).toBe(html);
    expect(read.headers['content-type']).not.toMatch(/html/);

    const named = await asPartner({ method: 'PATCH', url: '/api/me', payload: { name: '<i>Élodie</i>' } });
    expect(named.json().name).toBe('<i>Élodie</i>');
  });
});
