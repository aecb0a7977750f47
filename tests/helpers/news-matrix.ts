import { accessCookieFor, type TestContext, type TestUser } from './app';
import { adminOnly, signedIn, staffAndAdmin, staffAudience, type Row } from './matrix-rows';
import { audienceOf, EVERYONE } from './audience';

/**
 * The news rows of the shared role matrix (tests/server/role-matrix.test.ts).
 * Establishments E and F of the shared matrix are alike: a staff-only post
 * shows the audience at work here; the full audience matrix (campsites vs
 * restaurants) is in tests/server/news*.test.ts.
 * The participation routes add their rows to `newsParticipationMatrixRows`
 * (their own helper file) next to these.
 */

export { adminOnly, signedIn, staffAndAdmin, staffAudience, type Caller, type Expected, type Row } from './matrix-rows';

const post = (title: string, extra: Record<string, unknown> = {}) => ({
  title, summary: 'Résumé', bodyHtml: '<p>Texte</p>', categoryId: 'vie-du-reseau', audience: EVERYONE, status: 'published',
  event: { start: new Date(Date.now() + 7 * 86_400_000).toISOString(), place: { kind: 'commune', communeInsee: '30350' } }, ...extra,
});

/** Fixtures the rows read (filled by setupNewsMatrix). */
const fx: { publicId: string; staffOnlyId: string; toDelete: string[]; n: number } = { publicId: '', staffOnlyId: '', toDelete: [], n: 0 };

async function postAsStaff(ctx: TestContext, staff: TestUser, body: Record<string, unknown>): Promise<string> {
  const res = await ctx.app.inject({ method: 'POST', url: '/api/news/posts', payload: body, headers: { cookie: await accessCookieFor(ctx, staff) } });
  if (res.statusCode !== 201) throw new Error(`news matrix fixture: ${res.statusCode} ${res.body}`);
  return res.json().id;
}

export async function setupNewsMatrix(ctx: TestContext, who: { staff: TestUser; partner: TestUser }) {
  fx.publicId = await postAsStaff(ctx, who.staff, post('Pour tout le réseau'));
  fx.staffOnlyId = await postAsStaff(ctx, who.staff, post('Personnel seulement', { audience: audienceOf('staff') }));
  for (let i = 0; i < 5; i++) fx.toDelete.push(await postAsStaff(ctx, who.staff, post(`À supprimer ${i}`)));
  void who.partner;
}

const pub = () => `/api/news/posts/${fx.publicId}`;
const hidden = () => `/api/news/posts/${fx.staffOnlyId}`;

export const newsMatrixRows: Row[] = [
  { method: 'GET', route: '/api/news/categories', expect: signedIn(200) },
  { method: 'POST', route: '/api/news/categories', request: () => ({ payload: { id: `matrice-${++fx.n}`, labelFr: 'Matrice', labelEn: 'Matrix' } }), expect: adminOnly(201) },
  { method: 'PATCH', route: '/api/news/categories/:id', request: () => ({ url: '/api/news/categories/observatoire', payload: { labelEn: 'Observatory' } }), expect: adminOnly(200) },
  // A category in use cannot be deleted: 409 shows the access check passed without deleting anything.
  { method: 'DELETE', route: '/api/news/categories/:id', request: () => ({ url: '/api/news/categories/vie-du-reseau' }), expect: adminOnly(409) },
  { method: 'GET', route: '/api/news/feed', expect: signedIn(200) },
  { method: 'POST', route: '/api/news/feed/read-all', request: () => ({ payload: {} }), expect: signedIn(200) },
  { method: 'GET', route: '/api/news/posts', expect: staffAndAdmin(200) },
  { method: 'POST', route: '/api/news/posts', request: () => ({ payload: post(`Matrice ${++fx.n}`, { status: 'draft' }) }), expect: staffAndAdmin(201) },
  { method: 'GET', route: '/api/news/posts/:id', request: () => ({ url: hidden() }), expect: staffAudience(200) },
  { method: 'PATCH', route: '/api/news/posts/:id', request: () => ({ url: pub(), payload: { summary: 'Résumé modifié' } }), expect: staffAndAdmin(200) },
  { method: 'DELETE', route: '/api/news/posts/:id', request: () => ({ url: `/api/news/posts/${fx.toDelete.shift() ?? fx.publicId}` }), expect: staffAndAdmin(204) },
  { method: 'GET', route: '/api/news/posts/:id/preview', request: () => ({ url: `${hidden()}/preview` }), expect: staffAndAdmin(200) },
  // No file sent: 415 (not multipart) shows the access check passed.
  { method: 'POST', route: '/api/news/posts/:id/cover', request: () => ({ url: `${pub()}/cover`, payload: {} }), expect: staffAndAdmin(415) },
  { method: 'DELETE', route: '/api/news/posts/:id/cover', request: () => ({ url: `${pub()}/cover` }), expect: staffAndAdmin(204) },
  // No cover on the staff-only post: partners get 404 (hidden), staff 404 (no cover).
  { method: 'GET', route: '/api/news/posts/:id/cover', request: () => ({ url: `${hidden()}/cover` }), expect: staffAudience(404) },
  { method: 'GET', route: '/api/news/posts/:id/event.ics', request: () => ({ url: `${hidden()}/event.ics` }), expect: staffAudience(200) },
  { method: 'PUT', route: '/api/news/posts/:id/mute', request: () => ({ url: `${hidden()}/mute` }), expect: staffAudience(204) },
  { method: 'DELETE', route: '/api/news/posts/:id/mute', request: () => ({ url: `${pub()}/mute` }), expect: signedIn(204) },
  { method: 'GET', route: '/api/news/search', request: () => ({ url: '/api/news/search?q=reseau' }), expect: signedIn(200) },
  { method: 'GET', route: '/api/news/agenda', expect: signedIn(200) },
  { method: 'GET', route: '/api/news/preferences', expect: signedIn(200) },
  { method: 'PUT', route: '/api/news/preferences', request: () => ({ payload: { frequency: 'weekly', quietFromMonth: 7, quietToMonth: 8 } }), expect: signedIn(200) },
];
