import type { InjectOptions } from 'fastify';
import { partnersOnly, signedIn, staffAndAdmin, type Expected, type Row } from './matrix-rows';
import { accessCookieFor, type TestContext, type TestUser } from './app';
import { PNG_1PX, uploadForm } from './documents';
import { makeSession, makeTraining } from './trainings';
import { EVERYONE } from './audience';

/**
 * The role-matrix rows of partner contributions, folder follows and training
 * attachments (tests/server/role-matrix.test.ts). Proposals belong to
 * establishment E: the partner of F gets 404, as for an absent one; only
 * staff and admins decide.
 */

const establishmentE = (s: number): Expected => ({ anonymous: 401, partner: s, otherPartner: 404, staff: s, admin: s });

const fx = {
  contributionId: '', folderId: '', trainingId: '', sessionId: '',
  toApprove: [] as (string | undefined)[], toDecline: [] as (string | undefined)[], toAttach: [] as (string | undefined)[], toDetach: [] as (string | undefined)[],
};

const proposal = () => {
  const f = uploadForm({ title: 'Photo du matrice', credit: 'Photo : Test', licenceAccepted: true }, { filename: 'photo.png', data: PNG_1PX });
  return { payload: f.payload, headers: f.headers };
};

async function as(ctx: TestContext, user: TestUser, opts: InjectOptions) {
  const res = await ctx.app.inject({ ...opts, headers: { ...(opts.headers ?? {}), cookie: await accessCookieFor(ctx, user) } });
  if (res.statusCode >= 300) throw new Error(`contributions matrix fixture: ${res.statusCode} ${res.body}`);
  return res.json();
}

export async function setupContributionsMatrix(ctx: TestContext, who: { partner: TestUser; staff: TestUser }) {
  const propose = async () => (await as(ctx, who.partner, { method: 'POST', url: '/api/documents/contributions', ...proposal() })).id as string;
  // In parallel: the shared matrix's set-up runs under one hook timeout.
  const five = <T>(make: () => Promise<T>) => Promise.all(Array.from({ length: 5 }, make));
  [fx.contributionId, fx.toApprove, fx.toDecline] = await Promise.all([propose(), five(propose), five(propose)]);
  fx.folderId = (await as(ctx, who.staff, { method: 'POST', url: '/api/documents/folders', payload: { name: 'Dossier des propositions', audience: EVERYONE } })).id;
  fx.trainingId = await makeTraining(ctx, who.staff.id, { title: 'Formation aux pièces jointes' });
  fx.sessionId = await makeSession(ctx, fx.trainingId, who.staff.id);
  const upload = async (title: string) => {
    const f = uploadForm({ title, status: 'published', audience: EVERYONE }, { filename: 'photo.png', data: PNG_1PX });
    return (await as(ctx, who.staff, { method: 'POST', url: '/api/documents', payload: f.payload, headers: f.headers })).document.id as string;
  };
  const attached = async (documentId: string) => (await as(ctx, who.staff, { method: 'POST', url: `/api/trainings/${fx.trainingId}/documents`, payload: { documentId } })).id as string;
  [fx.toAttach, fx.toDetach] = await Promise.all([five(() => upload('À joindre')), five(async () => attached(await upload('À retirer')))]);
}

export const contributionsMatrixRows: Row[] = [
  { method: 'POST', route: '/api/documents/contributions', request: proposal, expect: partnersOnly(201) },
  { method: 'GET', route: '/api/documents/contributions', expect: signedIn(200) },
  { method: 'GET', route: '/api/documents/contributions/:id', request: () => ({ url: `/api/documents/contributions/${fx.contributionId}` }), expect: establishmentE(200) },
  { method: 'GET', route: '/api/documents/contributions/:id/file', request: () => ({ url: `/api/documents/contributions/${fx.contributionId}/file` }), expect: establishmentE(200) },
  {
    method: 'POST', route: '/api/documents/contributions/:id/approve',
    request: () => ({ url: `/api/documents/contributions/${fx.toApprove.shift()}/approve`, payload: { folderId: fx.folderId } }), expect: staffAndAdmin(200),
  },
  {
    method: 'POST', route: '/api/documents/contributions/:id/decline',
    request: () => ({ url: `/api/documents/contributions/${fx.toDecline.shift()}/decline`, payload: { message: 'Merci, déjà en stock.' } }), expect: staffAndAdmin(200),
  },
  { method: 'GET', route: '/api/documents/follows', expect: signedIn(200) },
  { method: 'PUT', route: '/api/documents/folders/:id/follow', request: () => ({ url: `/api/documents/folders/${fx.folderId}/follow` }), expect: signedIn(200) },
  { method: 'DELETE', route: '/api/documents/folders/:id/follow', request: () => ({ url: `/api/documents/folders/${fx.folderId}/follow` }), expect: signedIn(200) },
  { method: 'GET', route: '/api/trainings/:id/documents', request: () => ({ url: `/api/trainings/${fx.trainingId}/documents` }), expect: signedIn(200) },
  {
    method: 'POST', route: '/api/trainings/:id/documents',
    request: () => ({ url: `/api/trainings/${fx.trainingId}/documents`, payload: { documentId: fx.toAttach.shift(), sessionId: fx.sessionId } }), expect: staffAndAdmin(201),
  },
  {
    method: 'DELETE', route: '/api/trainings/:id/documents/:attachmentId',
    request: () => ({ url: `/api/trainings/${fx.trainingId}/documents/${fx.toDetach.shift()}` }), expect: staffAndAdmin(204),
  },
  { method: 'GET', route: '/api/trainings/sessions/:id/documents', request: () => ({ url: `/api/trainings/sessions/${fx.sessionId}/documents` }), expect: signedIn(200) },
];
