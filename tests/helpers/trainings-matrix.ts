import { eq } from 'drizzle-orm';
import { cancelRegistration } from '../../db/queries/trainings/moves';
import { signUp } from '../../db/queries/trainings/sign-up';
import { trainingRegistrations } from '../../db/schema';
import { createUser, type TestContext, type TestUser } from './app';
import { makeSession, makeTraining, moveSessionIntoPast } from './trainings';
import { everyone, signedIn, staffAndAdmin, type Expected, type Row } from './matrix-rows';

/**
 * The trainings rows of the shared role matrix (tests/server/role-matrix.test.ts).
 * Rows that change state take a fresh target per call: the matrix calls each
 * row as anonymous, partner (of E), otherPartner (of F), staff, admin, in
 * that order, so the 2nd target of each list belongs to `partner` or E.
 */

/** The person (or their establishment), staff and admins; other partners get 404. */
const ownerOrStaff = (s: number): Expected => ({ anonymous: 401, partner: s, otherPartner: 404, staff: s, admin: s });

interface Fx {
  trainingId: string;
  session: string;
  signupSession: string;
  cancelSession: string;
  toCancel: string[];
  toAccept: string[];
  toDecline: string[];
  toPromote: string[];
  confirmedReg: string;
  certificateReg: string;
}
const fx = {} as Fx;
const cursor = new Map<string[], number>();
function next(list: string[]): string {
  const i = cursor.get(list) ?? 0;
  cursor.set(list, i + 1);
  return list[i % list.length]!;
}

const FAKE = 'A'.repeat(43);
const trainingBody = { title: 'Matrice', summary: 'Résumé', descriptionHtml: '<p>x</p>', theme: 'other', targetCategories: [], durationMinutes: 60 };
const sessionBody = () => {
  const start = Date.now() + 30 * 86_400_000;
  return { slots: [{ startsAt: new Date(start).toISOString(), endsAt: new Date(start + 3_600_000).toISOString() }], place: { kind: 'office', officeId: 'bit-le-vigan' }, capacity: 5, signupDeadline: new Date(start - 86_400_000).toISOString() };
};

export const trainingMatrixRows: Row[] = [
  { method: 'GET', route: '/api/trainings', expect: signedIn(200) },
  { method: 'POST', route: '/api/trainings', request: () => ({ payload: trainingBody }), expect: staffAndAdmin(201) },
  { method: 'GET', route: '/api/trainings/:id', request: () => ({ url: `/api/trainings/${fx.trainingId}` }), expect: signedIn(200) },
  { method: 'PATCH', route: '/api/trainings/:id', request: () => ({ url: `/api/trainings/${fx.trainingId}`, payload: { trainer: 'Formateur matrice' } }), expect: staffAndAdmin(200) },
  { method: 'POST', route: '/api/trainings/:id/sessions', request: () => ({ url: `/api/trainings/${fx.trainingId}/sessions`, payload: sessionBody() }), expect: staffAndAdmin(201) },
  { method: 'GET', route: '/api/trainings/sessions', expect: signedIn(200) },
  { method: 'GET', route: '/api/trainings/staff/sessions', expect: staffAndAdmin(200) },
  { method: 'GET', route: '/api/trainings/sessions/:id', request: () => ({ url: `/api/trainings/sessions/${fx.session}` }), expect: signedIn(200) },
  { method: 'PATCH', route: '/api/trainings/sessions/:id', request: () => ({ url: `/api/trainings/sessions/${fx.session}`, payload: { notes: 'Apporter un ordinateur' } }), expect: staffAndAdmin(200) },
  { method: 'POST', route: '/api/trainings/sessions/:id/cancel', request: () => ({ url: `/api/trainings/sessions/${fx.cancelSession}/cancel`, payload: {} }), expect: staffAndAdmin(200) },
  { method: 'GET', route: '/api/trainings/sessions/:id/session.ics', request: () => ({ url: `/api/trainings/sessions/${fx.session}/session.ics` }), expect: signedIn(200) },
  { method: 'POST', route: '/api/trainings/sessions/:id/registrations', request: () => ({ url: `/api/trainings/sessions/${fx.signupSession}/registrations`, payload: {} }), expect: signedIn(201) },
  { method: 'GET', route: '/api/trainings/sessions/:id/colleagues', request: () => ({ url: `/api/trainings/sessions/${fx.session}/colleagues` }), expect: { anonymous: 401, partner: 200, otherPartner: 200, staff: 403, admin: 403 } },
  { method: 'GET', route: '/api/trainings/sessions/:id/registrations', request: () => ({ url: `/api/trainings/sessions/${fx.session}/registrations` }), expect: staffAndAdmin(200) },
  { method: 'GET', route: '/api/trainings/sessions/:id/history', request: () => ({ url: `/api/trainings/sessions/${fx.session}/history` }), expect: staffAndAdmin(200) },
  { method: 'GET', route: '/api/trainings/sessions/:id/registrants.csv', request: () => ({ url: `/api/trainings/sessions/${fx.session}/registrants.csv` }), expect: staffAndAdmin(200) },
  { method: 'GET', route: '/api/trainings/sessions/:id/signature-sheet.pdf', request: () => ({ url: `/api/trainings/sessions/${fx.session}/signature-sheet.pdf` }), expect: staffAndAdmin(200) },
  { method: 'GET', route: '/api/trainings/sessions/:id/survey', request: () => ({ url: `/api/trainings/sessions/${fx.session}/survey` }), expect: staffAndAdmin(200) },
  { method: 'POST', route: '/api/trainings/registrations/:id/cancel', request: () => ({ url: `/api/trainings/registrations/${next(fx.toCancel)}/cancel` }), expect: ownerOrStaff(200) },
  { method: 'POST', route: '/api/trainings/registrations/:id/accept', request: () => ({ url: `/api/trainings/registrations/${next(fx.toAccept)}/accept` }), expect: ownerOrStaff(200) },
  { method: 'POST', route: '/api/trainings/registrations/:id/decline', request: () => ({ url: `/api/trainings/registrations/${next(fx.toDecline)}/decline` }), expect: ownerOrStaff(200) },
  { method: 'POST', route: '/api/trainings/registrations/:id/promote', request: () => ({ url: `/api/trainings/registrations/${next(fx.toPromote)}/promote` }), expect: staffAndAdmin(200) },
  { method: 'PUT', route: '/api/trainings/registrations/:id/attendance', request: () => ({ url: `/api/trainings/registrations/${fx.confirmedReg}/attendance`, payload: { attendance: 'present' } }), expect: staffAndAdmin(200) },
  { method: 'GET', route: '/api/trainings/registrations/:id/certificate.pdf', request: () => ({ url: `/api/trainings/registrations/${fx.certificateReg}/certificate.pdf` }), expect: ownerOrStaff(200) },
  // E-mail links: public, the token decides (a made-up one reads as invalid, acts as 404).
  { method: 'GET', route: '/api/trainings/offers/:token', request: () => ({ url: `/api/trainings/offers/${FAKE}` }), expect: everyone(200) },
  { method: 'POST', route: '/api/trainings/offers/:token/accept', request: () => ({ url: `/api/trainings/offers/${FAKE}/accept` }), expect: everyone(404) },
  { method: 'POST', route: '/api/trainings/offers/:token/decline', request: () => ({ url: `/api/trainings/offers/${FAKE}/decline` }), expect: everyone(404) },
  { method: 'GET', route: '/api/trainings/surveys/:token', request: () => ({ url: `/api/trainings/surveys/${FAKE}` }), expect: everyone(200) },
  { method: 'POST', route: '/api/trainings/surveys/:token', request: () => ({ url: `/api/trainings/surveys/${FAKE}`, payload: { rating: 4 } }), expect: everyone(404) },
  { method: 'GET', route: '/api/trainings/calendar/:token', request: () => ({ url: `/api/trainings/calendar/${FAKE}.ics` }), expect: everyone(404) },
  { method: 'GET', route: '/api/trainings/me/registrations', expect: signedIn(200) },
  { method: 'GET', route: '/api/trainings/me/next', expect: signedIn(200) },
  { method: 'GET', route: '/api/trainings/me/calendar-feed', expect: signedIn(200) },
  { method: 'POST', route: '/api/trainings/me/calendar-feed', expect: signedIn(200) },
  { method: 'DELETE', route: '/api/trainings/me/calendar-feed', expect: signedIn(204) },
];

async function join(ctx: Pick<TestContext, 'db'>, sessionId: string, user: TestUser) {
  const r = await signUp(ctx.db, { sessionId, userId: user.id, establishmentId: user.establishmentId, actorId: user.id });
  if (!r.ok) throw new Error(`fixture sign-up failed: ${r.reason}`);
  return r.registrationId;
}

/** An offered registration of `owner` (a one-seat session whose first person cancelled). */
async function offeredTo(ctx: Pick<TestContext, 'db'>, trainingId: string, staffId: string, owner: TestUser) {
  const s = await makeSession(ctx, trainingId, staffId, { capacity: 1 });
  const first = await join(ctx, s, await createUser(ctx, 'partner'));
  const reg = await join(ctx, s, owner);
  await cancelRegistration(ctx.db, { registrationId: first, actorId: staffId, partnerRules: false, notifyPerson: false });
  return reg;
}

export async function setupTrainingMatrix(ctx: Pick<TestContext, 'db'>, who: { partner: TestUser; staff: TestUser; establishmentE: string }) {
  const staffId = who.staff.id;
  fx.trainingId = await makeTraining(ctx, staffId, { title: 'Formation de la matrice' });
  fx.session = await makeSession(ctx, fx.trainingId, staffId, { capacity: 50 });
  fx.signupSession = await makeSession(ctx, fx.trainingId, staffId, { capacity: 50 });
  fx.cancelSession = await makeSession(ctx, fx.trainingId, staffId, { capacity: 50 });
  const ofE = async () => createUser(ctx, 'partner', { establishmentId: who.establishmentE });
  // The 2nd of each list is the partner's (or a colleague's, where the establishment may act).
  fx.toCancel = [];
  for (let i = 0; i < 5; i++) fx.toCancel.push(await join(ctx, fx.session, await ofE()));
  fx.toAccept = [];
  fx.toDecline = [];
  fx.toPromote = [];
  for (let i = 0; i < 5; i++) {
    fx.toAccept.push(await offeredTo(ctx, fx.trainingId, staffId, i === 1 ? who.partner : await ofE()));
    fx.toDecline.push(await offeredTo(ctx, fx.trainingId, staffId, i === 1 ? who.partner : await ofE()));
    fx.toPromote.push(await offeredTo(ctx, fx.trainingId, staffId, await ofE()));
  }
  // Attendance is taken once a session has started: these two are in one that took place.
  const pastSession = await makeSession(ctx, fx.trainingId, staffId, { capacity: 5 });
  fx.confirmedReg = await join(ctx, pastSession, await ofE());
  fx.certificateReg = await join(ctx, pastSession, who.partner);
  await moveSessionIntoPast(ctx.db, pastSession);
  await ctx.db.update(trainingRegistrations).set({ attendance: 'present' }).where(eq(trainingRegistrations.id, fx.certificateReg));
}
