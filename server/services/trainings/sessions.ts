import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { communes, offices } from '../../../db/schema';
import { getTraining } from '../../../db/queries/trainings/catalogue';
import * as edits from '../../../db/queries/trainings/session-edits';
import { getSessionRow, getSlots, listStaffSessions as listStaffSessionRows } from '../../../db/queries/trainings/sessions';
import type { Principal } from '../../plugins/auth';
import { Problem } from '../../plugins/errors';
import type { CreateSessionBody, PlaceInput, SessionDetail, UpdateSessionBody } from '../../schemas/trainings';
import { isStaff, visibleSession } from './access';
import { toSessionDetail, toStaffSessionItem } from './mapping';
import { orRefuse, refusal } from './refusals';

/** Sessions: the detail page, the staff table, and staff creating, editing and cancelling sessions. */

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

/**
 * A session is never scheduled in the past: every new or moved slot starts
 * ahead. A slot kept at its start (the first day of a session under way,
 * whose later days are being moved, or whose end is extended) may be past.
 */
function checkAhead(slots: { startsAt: Date }[], kept: { startsAt: Date }[], now: number) {
  slots.forEach((s, i) => {
    const moved = !kept.some((k) => k.startsAt.getTime() === s.startsAt.getTime());
    if (moved && s.startsAt.getTime() <= now) throw new Problem(400, 'trainings.slotInPast', [{ field: `slots.${i}.startsAt`, key: 'trainings.slotInPast' }]);
  });
}

function checkDeadline(deadline: Date, firstStart: Date) {
  if (deadline > firstStart) throw new Problem(400, 'trainings.deadlineAfterStart', [{ field: 'signupDeadline', key: 'trainings.deadlineAfterStart' }]);
}

/** A session as the caller may see it: partners never see drafts, nor a meeting link unless confirmed. */
export async function getSession(app: FastifyInstance, principal: Principal, id: string): Promise<SessionDetail> {
  const row = await visibleSession(app, principal, id);
  const [slots, training] = await Promise.all([getSlots(app.db, id), getTraining(app.db, row.trainingId)]);
  return toSessionDetail(row, { training: training!, slots, showOnline: isStaff(principal) || row.regStatus === 'confirmed', now: Date.now() });
}

export async function listStaffSessions(
  app: FastifyInstance,
  query: { status?: string; trainingId?: string; from?: string; to?: string; page?: number; pageSize?: number },
) {
  const { page = 1, pageSize = 20, ...rest } = query;
  const { items, total } = await listStaffSessionRows(app.db, { ...rest, page, pageSize });
  return { items: items.map(toStaffSessionItem), total, page, pageSize };
}

export async function createSession(app: FastifyInstance, principal: Principal, trainingId: string, body: CreateSessionBody): Promise<SessionDetail> {
  if (!(await getTraining(app.db, trainingId))) throw refusal('trainingNotFound');
  const slots = checkSlots(body.slots);
  checkAhead(slots, [], Date.now());
  const place = await checkPlace(app, body.place);
  const deadline = new Date(body.signupDeadline);
  checkDeadline(deadline, new Date(Math.min(...slots.map((s) => s.startsAt.getTime()))));
  const id = await edits.createSession(app.db, trainingId, {
    slots, ...place, capacity: body.capacity, perEstablishmentCap: body.perEstablishmentCap ?? null, signupDeadline: deadline,
    waitlistMode: body.waitlistMode ?? 'offer', offerHours: body.offerHours ?? 48, notes: body.notes?.trim() || null, status: body.status ?? 'draft',
  }, principal.userId);
  return getSession(app, principal, id);
}

export async function updateSession(app: FastifyInstance, principal: Principal, id: string, body: UpdateSessionBody): Promise<SessionDetail> {
  const current = await getSessionRow(app.db, id, principal.userId);
  if (!current) throw refusal('sessionNotFound');
  const patch: edits.SessionPatch = {};
  let firstStart = current.startsAt;
  const now = Date.now();
  if (body.slots) {
    const slots = checkSlots(body.slots);
    checkAhead(slots, await getSlots(app.db, id), now);
    patch.slots = slots;
    firstStart = new Date(Math.min(...slots.map((s) => s.startsAt.getTime())));
  }
  // Opening (or reopening) sign-ups of a session that has started makes no sense.
  if (body.status === 'open' && current.status !== 'open' && firstStart.getTime() <= now) {
    throw new Problem(400, 'trainings.openInPast', [{ field: 'status', key: 'trainings.openInPast' }]);
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
  const out = orRefuse(await edits.updateSession(app.db, id, patch, principal.userId));
  await app.enqueueEffects(out.effects);
  return getSession(app, principal, id);
}

export async function cancelSession(app: FastifyInstance, principal: Principal, id: string, reason: string | null | undefined): Promise<SessionDetail> {
  return updateSession(app, principal, id, { status: 'cancelled', ...(reason !== undefined ? { cancelReason: reason } : {}) });
}
