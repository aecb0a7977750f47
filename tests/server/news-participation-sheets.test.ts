import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishedSheetsMatching } from '../../db/queries/news/sheets';
import { createEstablishment, createTestApp, createUser, injectAs, type Injector, type TestContext, type TestUser } from '../helpers/app';
import { SHEET_BODY } from '../helpers/news-participation';

/**
 * Experience sheets on the real PostgreSQL: a partner submits, staff return
 * with a remark, the partner edits (resubmitting), staff publish; the sheet
 * then shows with its establishment in the section, takes comments, and is
 * found by the query function the news search unions. Declined and pending
 * sheets stay with their establishment and staff.
 */

let ctx: TestContext;
let staff: TestUser;
let partner: TestUser;
let colleague: TestUser;
let stranger: TestUser;
let asStaff: Injector;
let asPartner: Injector;
let asColleague: Injector;
let asStranger: Injector;
const fr = { 'accept-language': 'fr-FR' };
const body = SHEET_BODY;

beforeAll(async () => {
  ctx = await createTestApp();
  staff = await createUser(ctx, 'staff');
  const est = await createEstablishment(ctx, { name: 'Camping Les Châtaigniers', category: 'hebergement', subcategory: 'camping' });
  partner = await createUser(ctx, 'partner', { establishmentId: est.id });
  colleague = await createUser(ctx, 'partner', { establishmentId: est.id });
  stranger = await createUser(ctx, 'partner');
  [asStaff, asPartner, asColleague, asStranger] = await Promise.all([injectAs(ctx, staff), injectAs(ctx, partner), injectAs(ctx, colleague), injectAs(ctx, stranger)]);
});
afterAll(async () => ctx?.close());

describe('experience sheets', () => {
  it('submit → return with a remark → edit resubmits → publish; shows in the section with its establishment and takes comments', async () => {
    const created = await asPartner({ method: 'POST', url: '/api/news/sheets', payload: body });
    expect(created.statusCode).toBe(201);
    const sheet = created.json();
    expect(sheet).toMatchObject({ status: 'submitted', editable: true, establishment: { name: 'Camping Les Châtaigniers' }, figures: body.figures });

    // Not yet published: hidden from other establishments and from the section, no comments.
    expect((await asStranger({ method: 'GET', url: `/api/news/sheets/${sheet.id}` })).statusCode).toBe(404);
    expect((await asStranger({ method: 'GET', url: '/api/news/sheets' })).json().items.map((s: { id: string }) => s.id)).not.toContain(sheet.id);
    expect((await asPartner({ method: 'POST', url: `/api/news/sheets/${sheet.id}/comments`, payload: { body: 'Tôt' } })).statusCode).toBe(404);
    expect((await asStaff({ method: 'GET', url: '/api/news/sheets?status=submitted' })).json().items.map((s: { id: string }) => s.id)).toContain(sheet.id);

    const returned = await asStaff({ method: 'POST', url: `/api/news/sheets/${sheet.id}/review`, payload: { decision: 'return', remark: 'Ajoutez le nombre de vélos.' } });
    expect(returned.json()).toMatchObject({ status: 'returned', staffRemark: 'Ajoutez le nombre de vélos.' });
    expect((await asColleague({ method: 'GET', url: `/api/news/sheets/${sheet.id}` })).json()).toMatchObject({ status: 'returned', staffRemark: 'Ajoutez le nombre de vélos.', editable: true });
    expect((await asColleague({ method: 'GET', url: '/api/news/sheets?mine=true' })).json().items.map((s: { id: string }) => s.id)).toContain(sheet.id);

    const edited = await asColleague({ method: 'PATCH', url: `/api/news/sheets/${sheet.id}`, payload: { actions: 'Prêt de six vélos électriques.' } });
    expect(edited.json()).toMatchObject({ status: 'submitted', actions: 'Prêt de six vélos électriques.' });

    const published = await asStaff({ method: 'POST', url: `/api/news/sheets/${sheet.id}/review`, payload: { decision: 'publish' } });
    expect(published.json()).toMatchObject({ status: 'published', editable: false, staffRemark: null });
    expect(published.json().publishedAt).not.toBeNull();

    const section = (await asStranger({ method: 'GET', url: '/api/news/sheets' })).json();
    expect(section.items.find((s: { id: string }) => s.id === sheet.id)).toMatchObject({ establishment: { name: 'Camping Les Châtaigniers' }, status: 'published' });
    const late = await asPartner({ method: 'PATCH', url: `/api/news/sheets/${sheet.id}`, payload: { title: 'Autre' }, headers: fr });
    expect(late.statusCode).toBe(409);
    expect(late.json().detail).toBe('Ce retour d’expérience ne peut plus être modifié.');

    const c = await asStranger({ method: 'POST', url: `/api/news/sheets/${sheet.id}/comments`, payload: { body: 'Bravo, nous allons essayer.' } });
    expect(c.statusCode).toBe(201);
    expect(c.json()).toMatchObject({ sheetId: sheet.id, postId: null });
    expect((await asStranger({ method: 'GET', url: '/api/news/sheets' })).json().items.find((s: { id: string }) => s.id === sheet.id).commentCount).toBe(1);
    expect((await asStaff({ method: 'POST', url: `/api/news/sheets/${sheet.id}/review`, payload: { decision: 'decline', remark: 'Non' }, headers: fr })).statusCode).toBe(409);
  });

  it('a declined sheet stays with its establishment, with the remark', async () => {
    const s = (await asPartner({ method: 'POST', url: '/api/news/sheets', payload: { ...body, title: 'Tarifs de groupe' } })).json();
    const declined = await asStaff({ method: 'POST', url: `/api/news/sheets/${s.id}/review`, payload: { decision: 'decline', remark: 'Sujet déjà traité.' } });
    expect(declined.json()).toMatchObject({ status: 'declined', editable: false });
    expect((await asStranger({ method: 'GET', url: `/api/news/sheets/${s.id}` })).statusCode).toBe(404);
    expect((await asPartner({ method: 'GET', url: `/api/news/sheets/${s.id}` })).json().staffRemark).toBe('Sujet déjà traité.');
  });

  it('staff cannot submit; a missing section is refused', async () => {
    expect((await asStaff({ method: 'POST', url: '/api/news/sheets', payload: body })).statusCode).toBe(403);
    const { result: _r, ...partial } = body;
    expect((await asPartner({ method: 'POST', url: '/api/news/sheets', payload: partial, headers: fr })).statusCode).toBe(400);
  });

  it('the search function finds published sheets, accent-insensitively, and never pending ones', async () => {
    const query = sql`websearch_to_tsquery('french_unaccent', ${'ete velos'})`;
    const rows = await ctx.db.execute(publishedSheetsMatching(query));
    const list = (Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows) as { kind: string; title: string; establishment_name: string }[];
    expect(list.map((r) => r.title)).toEqual(['Un été sans voiture']);
    expect(list[0]).toMatchObject({ kind: 'sheet', establishment_name: 'Camping Les Châtaigniers' });
  });
});
