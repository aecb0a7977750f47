import type { FastifyInstance } from 'fastify';
import { cancelRegistration as cancelMove, promoteRegistration, setAttendance as setAttendanceRow } from '../../../db/queries/trainings/moves';
import { respondToOffer as respondMove } from '../../../db/queries/trainings/offers';
import { getRegistration, listSessionHistory, listSessionRegistrations } from '../../../db/queries/trainings/registrations';
import type { Principal } from '../../plugins/auth';
import type { HistoryEvent, Registration, RegistrationGroups } from '../../schemas/trainings';
import { isStaff, registrationFor, visibleSession } from './access';
import { toHistoryEvent, toRegistration } from './mapping';
import { orRefuse, refusal } from './refusals';

/** One registration's moves after sign-up (cancel, answer an offer, promotion, attendance), and staff's view of a session's people. */

const current = async (app: FastifyInstance, id: string) => toRegistration((await getRegistration(app.db, id))!);

export async function cancelRegistration(app: FastifyInstance, principal: Principal, id: string): Promise<Registration> {
  const reg = await registrationFor(app, principal, id, 'establishment');
  const out = orRefuse(await cancelMove(app.db, {
    registrationId: id, actorId: principal.userId, partnerRules: !isStaff(principal), notifyPerson: reg.userId !== principal.userId,
  }));
  await app.enqueueEffects(out.effects);
  return current(app, id);
}

export async function respondToOffer(app: FastifyInstance, principal: Principal, id: string, accept: boolean): Promise<Registration> {
  await registrationFor(app, principal, id, 'person');
  const out = await respondMove(app.db, { registrationId: id, accept, actorId: principal.userId });
  await app.enqueueEffects(out.effects);
  if (!out.ok) throw refusal('offerNotActive');
  return current(app, id);
}

export async function promote(app: FastifyInstance, principal: Principal, id: string): Promise<Registration> {
  const out = orRefuse(await promoteRegistration(app.db, { registrationId: id, actorId: principal.userId }));
  await app.enqueueEffects(out.effects);
  return current(app, id);
}

export async function setAttendance(app: FastifyInstance, id: string, attendance: 'present' | 'absent' | null): Promise<Registration> {
  orRefuse(await setAttendanceRow(app.db, id, attendance));
  return current(app, id);
}

export async function sessionRegistrations(app: FastifyInstance, principal: Principal, sessionId: string): Promise<RegistrationGroups> {
  await visibleSession(app, principal, sessionId);
  const rows = (await listSessionRegistrations(app.db, sessionId)).map(toRegistration);
  return {
    confirmed: rows.filter((r) => r.status === 'confirmed'),
    offered: rows.filter((r) => r.status === 'offered'),
    waiting: rows.filter((r) => r.status === 'waiting'),
    inactive: rows.filter((r) => r.status !== 'confirmed' && r.status !== 'offered' && r.status !== 'waiting'),
  };
}

export async function sessionHistory(app: FastifyInstance, principal: Principal, sessionId: string): Promise<{ items: HistoryEvent[] }> {
  await visibleSession(app, principal, sessionId);
  return { items: (await listSessionHistory(app.db, sessionId)).map(toHistoryEvent) };
}
