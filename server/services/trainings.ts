import sanitizeHtml from 'sanitize-html';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { communes, offices } from '../../db/schema';
import * as q from '../../db/queries/trainings';
import * as moves from '../../db/queries/trainings-registrations';
import type { Effects } from '../../db/queries/trainings-registrations';
import * as personalData from '../../db/queries/trainings-personal-data';
import { mapUrl } from '../../common/places';
import type { Principal } from '../plugins/auth';
import { Problem } from '../plugins/errors';
import type {
  CreateSessionBody, CreateTrainingBody, HistoryEvent, MyRegistration, Place, PlaceInput, Registration, SessionDetail, SessionListItem,
  StaffSessionItem, Training, UpdateSessionBody, UpdateTrainingBody,
} from '../schemas/trainings';

/**
 * Use cases of the trainings feature: access rules, validation that needs
 * the database, the transactional moves (db/queries/trainings-registrations)
 * and the jobs they ask for, enqueued after commit.
 */

const isStaff = (p: Principal) => p.role === 'staff' || p.role === 'admin';
const iso = (d: Date | string) => new Date(d).toISOString();
const isoOrNull = (d: Date | string | null | undefined) => (d ? iso(d) : null);

export async function flush(app: FastifyInstance, fx: Effects): Promise<void> {
  await Promise.all([
    ...fx.mailIds.map((messageId) => app.enqueue('mail.send', { messageId })),
    ...fx.offers.map((o) => app.enqueue('trainings.offer-expire', o)),
    ...fx.notices.map((noticeId) => app.enqueue('trainings.notice', { noticeId })),
  ]);
}

// ---------- rich text ----------

/** Description HTML: a small set of formatting tags; links only http(s)/mailto, opened safely. */
export function sanitizeDescription(html: string): string {
  return sanitizeHtml(html, {
    allowedTags: ['p', 'br', 'strong', 'b', 'em', 'i', 'u', 's', 'a', 'ul', 'ol', 'li', 'h2', 'h3', 'h4', 'blockquote', 'code'],
    allowedAttributes: { a: ['href', 'rel', 'target'] },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowProtocolRelative: false,
    transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer nofollow', target: '_blank' }) },
  }).trim();
}

// ---------- mapping ----------

export function toTraining(row: q.TrainingRow): Training {
  return {
    id: row.id, title: row.title, summary: row.summary, descriptionHtml: row.descriptionHtml, theme: row.theme,
    targetCategories: row.targetCategories, durationMinutes: row.durationMinutes, trainer: row.trainer,
    priceMemberCents: row.priceMemberCents, priceNonMemberCents: row.priceNonMemberCents, archived: row.archived,
    upcomingSessionCount: Number(row.upcomingSessionCount ?? 0), createdAt: iso(row.createdAt), updatedAt: iso(row.updatedAt),
  };
}

type PlaceRow = Pick<q.SessionListRow, 'placeKind' | 'officeId' | 'officeName' | 'sessionAddress' | 'officeAddress' | 'communeInsee' | 'communeName' | 'onlineUrl'>;

export function toPlace(row: PlaceRow, showOnline: boolean): Place {
  const address = row.placeKind === 'office' ? row.officeAddress : row.placeKind === 'address' ? row.sessionAddress : null;
  const info = { kind: row.placeKind, officeName: row.officeName, address, communeName: row.communeName, postalCode: null, lat: null, lon: null };
  return {
    kind: row.placeKind,
    officeId: row.placeKind === 'office' ? row.officeId : null,
    officeName: row.placeKind === 'office' ? row.officeName : null,
    address,
    communeInsee: row.placeKind === 'online' ? null : row.communeInsee,
    communeName: row.placeKind === 'online' ? null : row.communeName,
    onlineUrl: row.placeKind === 'online' && showOnline ? row.onlineUrl : null,
    mapUrl: mapUrl(info),
  };
}

function toMyRegistration(row: Pick<q.SessionListRow, 'regId' | 'regStatus' | 'regPosition' | 'regOfferExpiresAt' | 'regAttendance'>): MyRegistration | null {
  if (!row.regId || !row.regStatus) return null;
  return {
    id: row.regId, status: row.regStatus, position: row.regPosition === null ? null : Number(row.regPosition),
    offerExpiresAt: isoOrNull(row.regOfferExpiresAt), attendance: row.regAttendance ?? null,
  };
}

export function toSessionListItem(row: q.SessionListRow, showOnline = false): SessionListItem {
  return {
    id: row.id, trainingId: row.trainingId, title: row.title, theme: row.theme, summary: row.summary,
    startsAt: iso(row.startsAt), endsAt: iso(row.endsAt), slotCount: row.slotCount,
    place: toPlace(row, showOnline && row.regStatus === 'confirmed'),
    capacity: row.capacity, seatsLeft: Math.max(0, row.capacity - row.confirmedCount - row.offeredCount), waitingCount: row.waitingCount,
    signupDeadline: iso(row.signupDeadline), status: row.status, myRegistration: toMyRegistration(row),
  };
}

export function toRegistration(row: q.RegistrationRow): Registration {
  return {
    id: row.id, sessionId: row.sessionId, user: { id: row.userId, name: row.userName, email: row.userEmail },
    establishment: row.establishmentId && row.establishmentName ? { id: row.establishmentId, name: row.establishmentName } : null,
    status: row.status, position: row.position === null ? null : Number(row.position), offerExpiresAt: isoOrNull(row.offerExpiresAt),
    attendance: row.attendance ?? null, registeredBy: row.registeredById && row.registeredByName ? { id: row.registeredById, name: row.registeredByName } : null,
    createdAt: iso(row.createdAt), confirmedAt: isoOrNull(row.confirmedAt), cancelledAt: isoOrNull(row.cancelledAt),
  };
}

// ---------- catalogue ----------

export async function createTraining(app: FastifyInstance, principal: Principal, body: CreateTrainingBody): Promise<Training> {
  const id = await q.insertTraining(app.db, {
    title: body.title.trim(), summary: body.summary.trim(), descriptionHtml: sanitizeDescription(body.descriptionHtml), theme: body.theme,
    targetCategories: body.targetCategories, durationMinutes: body.durationMinutes, trainer: body.trainer?.trim() ?? null,
    priceMemberCents: body.priceMemberCents ?? null, priceNonMemberCents: body.priceNonMemberCents ?? null,
  }, principal.userId);
  return toTraining((await q.getTraining(app.db, id))!);
}

export async function updateTraining(app: FastifyInstance, id: string, body: UpdateTrainingBody): Promise<Training> {
  const patch = {
    ...body,
    ...(body.title !== undefined ? { title: body.title.trim() } : {}),
    ...(body.summary !== undefined ? { summary: body.summary.trim() } : {}),
    ...(body.descriptionHtml !== undefined ? { descriptionHtml: sanitizeDescription(body.descriptionHtml) } : {}),
    ...(body.trainer !== undefined ? { trainer: body.trainer?.trim() ?? null } : {}),
  };
  if (!(await q.updateTraining(app.db, id, patch))) throw new Problem(404, 'trainings.notFound');
  return toTraining((await q.getTraining(app.db, id))!);
}

export async function getTraining(app: FastifyInstance, id: string): Promise<Training> {
  const row = await q.getTraining(app.db, id);
  if (!row) throw new Problem(404, 'trainings.notFound');
  return toTraining(row);
}

// ---------- sessions ----------

async function checkPlace(app: FastifyInstance, place: PlaceInput) {
  const out = { placeKind: place.kind, officeId: null as string | null, communeInsee: null as string | null, address: null as string | null, onlineUrl: null as string | null };
  if (place.kind === 'office') {
    if (!place.officeId) throw new Problem(400, 'trainings.placeIncomplete', [{ field: 'place.officeId', key: 'trainings.placeIncomplete' }]);
    const [o] = await app.db.select({ id: offices.id }).from(offices).where(eq(offices.id, place.officeId));
    if (!o) throw new Problem(400, 'trainings.unknownOffice', [{ field: 'place.officeId', key: 'trainings.unknownOffice' }]);
    out.officeId = place.officeId;
  } else if (place.kind === 'address') {
    if (!place.communeInsee || !place.address) {
      throw new Problem(400, 'trainings.placeIncomplete', [{ field: place.communeInsee ? 'place.address' : 'place.communeInsee', key: 'trainings.placeIncomplete' }]);
    }
    const [c] = await app.db.select({ id: communes.inseeCode }).from(communes).where(eq(communes.inseeCode, place.communeInsee));
    if (!c) throw new Problem(400, 'trainings.unknownCommune', [{ field: 'place.communeInsee', key: 'trainings.unknownCommune' }]);
    out.communeInsee = place.communeInsee;
    out.address = place.address.trim();
  } else {
    if (!place.onlineUrl) throw new Problem(400, 'trainings.placeIncomplete', [{ field: 'place.onlineUrl', key: 'trainings.placeIncomplete' }]);
    out.onlineUrl = place.onlineUrl;
  }
  return out;
}

function checkSlots(slots: { startsAt: string; endsAt: string }[]) {
  const parsed = slots.map((s) => ({ startsAt: new Date(s.startsAt), endsAt: new Date(s.endsAt) }));
  parsed.forEach((s, i) => {
    if (s.endsAt <= s.startsAt) throw new Problem(400, 'trainings.slotOrder', [{ field: `slots.${i}.endsAt`, key: 'trainings.slotOrder' }]);
  });
  return parsed;
}

function checkDeadline(deadline: Date, firstStart: Date) {
  if (deadline > firstStart) throw new Problem(400, 'trainings.deadlineAfterStart', [{ field: 'signupDeadline', key: 'trainings.deadlineAfterStart' }]);
}

export async function createSession(app: FastifyInstance, principal: Principal, trainingId: string, body: CreateSessionBody): Promise<SessionDetail> {
  if (!(await q.getTraining(app.db, trainingId))) throw new Problem(404, 'trainings.notFound');
  const slots = checkSlots(body.slots);
  const place = await checkPlace(app, body.place);
  const deadline = new Date(body.signupDeadline);
  checkDeadline(deadline, new Date(Math.min(...slots.map((s) => s.startsAt.getTime()))));
  const id = await moves.createSession(app.db, trainingId, {
    slots, ...place, capacity: body.capacity, perEstablishmentCap: body.perEstablishmentCap ?? null, signupDeadline: deadline,
    waitlistMode: body.waitlistMode ?? 'offer', offerHours: body.offerHours ?? 48, notes: body.notes?.trim() || null, status: body.status ?? 'draft',
  }, principal.userId);
  return getSession(app, principal, id);
}

export async function updateSession(app: FastifyInstance, principal: Principal, id: string, body: UpdateSessionBody): Promise<SessionDetail> {
  const current = await q.getSessionRow(app.db, id, principal.userId);
  if (!current) throw new Problem(404, 'trainings.sessionNotFound');
  const patch: moves.SessionPatch = {};
  let firstStart = current.startsAt;
  if (body.slots) {
    const slots = checkSlots(body.slots);
    patch.slots = slots;
    firstStart = new Date(Math.min(...slots.map((s) => s.startsAt.getTime())));
  }
  if (body.place) Object.assign(patch, await checkPlace(app, body.place));
  const deadline = body.signupDeadline ? new Date(body.signupDeadline) : current.signupDeadline;
  if (body.signupDeadline || body.slots) checkDeadline(deadline, firstStart);
  if (body.signupDeadline) patch.signupDeadline = deadline;
  if (body.capacity !== undefined) patch.capacity = body.capacity;
  if (body.perEstablishmentCap !== undefined) patch.perEstablishmentCap = body.perEstablishmentCap;
  if (body.waitlistMode !== undefined) patch.waitlistMode = body.waitlistMode;
  if (body.offerHours !== undefined) patch.offerHours = body.offerHours;
  if (body.notes !== undefined) patch.notes = body.notes?.trim() || null;
  if (body.status !== undefined) patch.status = body.status;
  if (body.cancelReason !== undefined) patch.cancelReason = body.cancelReason?.trim() || null;
  const out = await moves.updateSession(app.db, id, patch, principal.userId);
  if (!out.ok) {
    if (out.reason === 'notFound') throw new Problem(404, 'trainings.sessionNotFound');
    if (out.reason === 'capacityTooLow') throw new Problem(409, 'trainings.capacityTooLow', [{ field: 'capacity', key: 'trainings.capacityTooLow' }]);
    if (out.reason === 'backToDraft') throw new Problem(409, 'trainings.backToDraft');
    throw new Problem(409, 'trainings.sessionCancelled');
  }
  await flush(app, out.effects);
  return getSession(app, principal, id);
}

export async function cancelSession(app: FastifyInstance, principal: Principal, id: string, reason: string | null | undefined): Promise<SessionDetail> {
  return updateSession(app, principal, id, { status: 'cancelled', ...(reason !== undefined ? { cancelReason: reason } : {}) });
}

/** A session as the caller may see it: partners never see drafts, nor a meeting link unless confirmed. */
export async function getSession(app: FastifyInstance, principal: Principal, id: string): Promise<SessionDetail> {
  const row = await q.getSessionRow(app.db, id, principal.userId);
  if (!row || (row.status === 'draft' && !isStaff(principal))) throw new Problem(404, 'trainings.sessionNotFound');
  const [slots, training] = await Promise.all([q.getSlots(app.db, id), q.getTraining(app.db, row.trainingId)]);
  const confirmed = row.regStatus === 'confirmed';
  const now = Date.now();
  return {
    ...toSessionListItem(row, false),
    place: toPlace(row, isStaff(principal) || confirmed),
    training: toTraining(training!),
    slots: slots.map((s) => ({ startsAt: iso(s.startsAt), endsAt: iso(s.endsAt) })),
    perEstablishmentCap: row.perEstablishmentCap, waitlistMode: row.waitlistMode, offerHours: row.offerHours, notes: row.notes,
    confirmedCount: row.confirmedCount, offeredCount: row.offeredCount,
    canSignUp: row.status === 'open' && row.signupDeadline.getTime() > now && row.startsAt.getTime() > now,
    surveyAvailable: row.surveySentAt !== null, cancelReason: row.cancelReason,
    createdAt: iso(row.createdAt), updatedAt: iso(row.updatedAt),
  };
}

/** For routes that act on a session: 404 when the caller may not see it. */
export async function visibleSession(app: FastifyInstance, principal: Principal, id: string) {
  const row = await q.getSessionRow(app.db, id, principal.userId);
  if (!row || (row.status === 'draft' && !isStaff(principal))) throw new Problem(404, 'trainings.sessionNotFound');
  return row;
}

export function toStaffItem(row: Awaited<ReturnType<typeof q.listStaffSessions>>['items'][number]): StaffSessionItem {
  return {
    id: row.id, trainingId: row.trainingId, title: row.title, theme: row.theme, startsAt: iso(row.startsAt), endsAt: iso(row.endsAt),
    place: toPlace(row, true), capacity: row.capacity, confirmedCount: row.confirmedCount, offeredCount: row.offeredCount,
    waitingCount: row.waitingCount, fillRate: Math.round((row.confirmedCount / row.capacity) * 1000) / 1000,
    signupDeadline: iso(row.signupDeadline), status: row.status,
  };
}

// ---------- registrations ----------

/**
 * Sign-ups of one session that arrive while a batch of that session is
 * being written wait and go into the next batch: one transaction (one lock,
 * one commit) per batch instead of one per person. No added delay: a lone
 * sign-up runs at once. Across api processes, batches queue on the row lock.
 */
const MAX_BATCH = 200;
type Pending = { item: moves.SignUpItem; resolve: (r: moves.SignUpResult) => void; reject: (e: unknown) => void };
const signUpQueues = new WeakMap<FastifyInstance, Map<string, Pending[]>>();

function queueSignUp(app: FastifyInstance, sessionId: string, item: moves.SignUpItem): Promise<moves.SignUpResult> {
  let bySession = signUpQueues.get(app);
  if (!bySession) signUpQueues.set(app, (bySession = new Map()));
  return new Promise((resolve, reject) => {
    const waiting = bySession.get(sessionId);
    if (waiting) return void waiting.push({ item, resolve, reject });
    const queue: Pending[] = [{ item, resolve, reject }];
    bySession.set(sessionId, queue);
    void drainSignUps(app, bySession, sessionId, queue);
  });
}

async function drainSignUps(app: FastifyInstance, bySession: Map<string, Pending[]>, sessionId: string, queue: Pending[]) {
  try {
    while (queue.length) {
      const batch = queue.splice(0, MAX_BATCH);
      try {
        const results = await moves.signUpBatch(app.db, sessionId, batch.map((p) => p.item));
        batch.forEach((p, i) => p.resolve(results[i]!));
      } catch (err) {
        // One bad sign-up must not fail the others: retry them one by one.
        if (batch.length === 1) batch[0]!.reject(err);
        else for (const p of batch) await moves.signUp(app.db, { sessionId, ...p.item }).then(p.resolve, p.reject);
      }
    }
  } finally {
    bySession.delete(sessionId);
  }
}

/**
 * Signs someone up: themselves, a colleague (partners: same establishment),
 * anyone (staff). The hot path of a sign-up burst: batched writes (above),
 * the answer built from the statement's own result, then the confirmation /
 * waiting-list mail enqueued after commit.
 */
export async function signUp(app: FastifyInstance, principal: Principal, sessionId: string, userId: string | undefined): Promise<Registration> {
  let target = { id: principal.userId, establishmentId: principal.establishmentId };
  if (userId && userId !== principal.userId) {
    const user = await q.getUserForSignUp(app.db, userId);
    if (!user || user.status !== 'active') {
      if (isStaff(principal)) throw new Problem(404, 'trainings.userNotFound');
      throw new Problem(403, 'trainings.notColleague');
    }
    if (!isStaff(principal) && (!principal.establishmentId || user.establishmentId !== principal.establishmentId)) throw new Problem(403, 'trainings.notColleague');
    target = { id: user.id, establishmentId: user.establishmentId };
  }
  const result = await queueSignUp(app, sessionId, { userId: target.id, establishmentId: target.establishmentId, actorId: principal.userId });
  if (!result.ok) {
    if (result.reason === 'duplicate') throw new Problem(409, 'trainings.alreadyRegistered');
    if (result.reason === 'notFound') throw new Problem(404, 'trainings.sessionNotFound');
    if (result.reason === 'cap') throw new Problem(409, 'trainings.establishmentCap');
    throw new Problem(409, 'trainings.signupClosed');
  }
  if (result.messageId) await app.enqueue('mail.send', { messageId: result.messageId });
  return {
    id: result.registrationId, sessionId, user: { id: target.id, name: result.userName, email: result.userEmail },
    establishment: target.establishmentId && result.establishmentName ? { id: target.establishmentId, name: result.establishmentName } : null,
    status: result.status, position: result.position, offerExpiresAt: null, attendance: null,
    registeredBy: result.actorName ? { id: principal.userId, name: result.actorName } : null,
    createdAt: result.createdAt, confirmedAt: result.confirmedAt, cancelledAt: null,
  };
}

/** A registration the caller may act on; others' registrations are 404 (their existence is not revealed). */
async function registrationFor(app: FastifyInstance, principal: Principal, id: string, scope: 'person' | 'establishment') {
  const row = await q.getRegistration(app.db, id);
  if (!row) throw new Problem(404, 'trainings.registrationNotFound');
  if (isStaff(principal)) return row;
  if (row.userId === principal.userId) return row;
  if (scope === 'establishment' && principal.establishmentId && row.establishmentId === principal.establishmentId) return row;
  throw new Problem(404, 'trainings.registrationNotFound');
}

export async function cancelRegistration(app: FastifyInstance, principal: Principal, id: string): Promise<Registration> {
  const reg = await registrationFor(app, principal, id, 'establishment');
  const out = await moves.cancelRegistration(app.db, {
    registrationId: id, actorId: principal.userId, partnerRules: !isStaff(principal), notifyPerson: reg.userId !== principal.userId,
  });
  if (!out.ok) {
    if (out.reason === 'notFound') throw new Problem(404, 'trainings.registrationNotFound');
    if (out.reason === 'deadline') throw new Problem(409, 'trainings.cancelDeadlinePassed');
    if (out.reason === 'started') throw new Problem(409, 'trainings.sessionStarted');
    throw new Problem(409, 'trainings.notActive');
  }
  await flush(app, out.effects);
  return toRegistration((await q.getRegistration(app.db, id))!);
}

export async function respondToOffer(app: FastifyInstance, principal: Principal, id: string, accept: boolean): Promise<Registration> {
  await registrationFor(app, principal, id, 'person');
  const out = await moves.respondToOffer(app.db, { registrationId: id, accept, actorId: principal.userId });
  await flush(app, out.effects);
  if (!out.ok) throw new Problem(409, 'trainings.offerNotActive');
  return toRegistration((await q.getRegistration(app.db, id))!);
}

export async function promote(app: FastifyInstance, principal: Principal, id: string): Promise<Registration> {
  const out = await moves.promoteRegistration(app.db, { registrationId: id, actorId: principal.userId });
  if (!out.ok) {
    if (out.reason === 'notFound') throw new Problem(404, 'trainings.registrationNotFound');
    if (out.reason === 'noSeat') throw new Problem(409, 'trainings.noSeat');
    throw new Problem(409, 'trainings.notWaiting');
  }
  await flush(app, out.effects);
  return toRegistration((await q.getRegistration(app.db, id))!);
}

export async function setAttendance(app: FastifyInstance, id: string, attendance: 'present' | 'absent' | null): Promise<Registration> {
  const result = await moves.setAttendance(app.db, id, attendance);
  if (result === 'notFound') throw new Problem(404, 'trainings.registrationNotFound');
  if (result === 'notConfirmed') throw new Problem(409, 'trainings.notConfirmed');
  return toRegistration((await q.getRegistration(app.db, id))!);
}

export async function sessionRegistrations(app: FastifyInstance, sessionId: string) {
  const rows = (await q.listSessionRegistrations(app.db, sessionId)).map(toRegistration);
  return {
    confirmed: rows.filter((r) => r.status === 'confirmed'),
    offered: rows.filter((r) => r.status === 'offered'),
    waiting: rows.filter((r) => r.status === 'waiting'),
    inactive: rows.filter((r) => r.status !== 'confirmed' && r.status !== 'offered' && r.status !== 'waiting'),
  };
}

export async function sessionHistory(app: FastifyInstance, sessionId: string): Promise<HistoryEvent[]> {
  const rows = await q.listSessionHistory(app.db, sessionId);
  return rows.map((r) => ({
    id: Number(r.id), registrationId: r.registrationId, user: { id: r.userId, name: r.userName }, kind: r.kind,
    actor: r.actorId && r.actorName ? { id: r.actorId, name: r.actorName } : null, details: r.details ?? {}, createdAt: iso(r.createdAt),
  }));
}

export async function myRegistrations(app: FastifyInstance, principal: Principal) {
  const rows = await q.listMyRegistrations(app.db, principal.userId);
  const now = Date.now();
  const upcoming = [];
  const waiting = [];
  const past = [];
  for (const row of rows) {
    const item = { session: toSessionListItem(row, true), registration: toMyRegistration(row)!, certificateAvailable: row.regStatus === 'confirmed' && row.regAttendance === 'present' };
    if (row.regStatus === 'waiting' || row.regStatus === 'offered') {
      if (row.endsAt.getTime() >= now) waiting.push(item);
    } else if (row.endsAt.getTime() >= now && row.status !== 'done') upcoming.push(item);
    else past.push(item);
  }
  past.reverse();
  return { upcoming, waiting, past };
}

export async function myNextSessions(app: FastifyInstance, principal: Principal, limit: number) {
  return (await q.listMyNextSessions(app.db, principal.userId, limit)).map((r) => toSessionListItem(r, true));
}

export { isStaff };

/**
 * RGPD erasure, trainings part: frees the person's seats and waiting-list
 * places in sessions still to come (the next person gets the offer as for any
 * cancellation), then deletes their calendar feed and survey comments.
 */
export async function releaseErasedUser(app: FastifyInstance, userId: string): Promise<void> {
  for (const registrationId of await personalData.upcomingActiveRegistrationIds(app.db, userId)) {
    const out = await moves.cancelRegistration(app.db, { registrationId, actorId: userId, partnerRules: false, notifyPerson: false });
    if (out.ok) await flush(app, out.effects);
  }
  await personalData.eraseTrainingPersonalData(app.db, userId);
}
