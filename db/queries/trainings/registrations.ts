import { and, asc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '../../client';
import { communes, establishments, trainingRegistrationEvents, trainingRegistrations, trainingSessions, users } from '../../schema';
import { activeRegistration, myRegistrationColumns, waitingPosition, type Executor } from './shared';
import { firstOrNull } from '../rows';

// ---------- registrations ----------

const registrant = alias(users, 'registrant');
const registrar = alias(users, 'registrar');

const registrationColumns = {
  id: trainingRegistrations.id,
  sessionId: trainingRegistrations.sessionId,
  userId: trainingRegistrations.userId,
  userName: registrant.name,
  userEmail: registrant.email,
  /** The establishment recorded at sign-up (shown on lists and certificates, counted by the per-establishment cap). */
  establishmentId: trainingRegistrations.establishmentId,
  /** The person's establishment now: the one whose partners may act on the registration. */
  personEstablishmentId: registrant.establishmentId,
  establishmentName: establishments.name,
  establishmentCommune: communes.name,
  status: trainingRegistrations.status,
  queueSeq: trainingRegistrations.queueSeq,
  offerExpiresAt: trainingRegistrations.offerExpiresAt,
  attendance: trainingRegistrations.attendance,
  registeredById: trainingRegistrations.registeredBy,
  registeredByName: registrar.name,
  createdAt: trainingRegistrations.createdAt,
  confirmedAt: trainingRegistrations.confirmedAt,
  cancelledAt: trainingRegistrations.cancelledAt,
  position: waitingPosition(sql.raw('"training_registrations"')),
};

export type RegistrationRow = Awaited<ReturnType<ReturnType<typeof registrationQuery>['execute']>>[number];

function registrationQuery(db: Executor) {
  return db
    .select(registrationColumns)
    .from(trainingRegistrations)
    .innerJoin(registrant, eq(registrant.id, trainingRegistrations.userId))
    .leftJoin(establishments, eq(establishments.id, trainingRegistrations.establishmentId))
    .leftJoin(communes, eq(communes.inseeCode, establishments.communeInsee))
    .leftJoin(registrar, eq(registrar.id, trainingRegistrations.registeredBy));
}

export async function getRegistration(db: Executor, id: string): Promise<RegistrationRow | null> {
  return firstOrNull(registrationQuery(db).where(eq(trainingRegistrations.id, id)));
}

/** All registrations of a session: active ones in list order, then the inactive history. */
export async function listSessionRegistrations(db: Executor, sessionId: string): Promise<RegistrationRow[]> {
  return registrationQuery(db)
    .where(eq(trainingRegistrations.sessionId, sessionId))
    .orderBy(
      sql`case ${trainingRegistrations.status} when 'confirmed' then 0 when 'offered' then 1 when 'waiting' then 2 else 3 end`,
      asc(trainingRegistrations.queueSeq),
      asc(registrant.name),
      asc(trainingRegistrations.createdAt),
    );
}

/** The active users of an establishment, with their registration to the session. */
export async function listColleagues(db: Database, sessionId: string, establishmentId: string) {
  return db
    .select({ userId: users.id, name: users.name, ...myRegistrationColumns })
    .from(users)
    .leftJoin(trainingSessions, eq(trainingSessions.id, sessionId))
    .leftJoin(
      trainingRegistrations,
      and(eq(trainingRegistrations.sessionId, sessionId), eq(trainingRegistrations.userId, users.id), sql`${trainingRegistrations.status} in ${activeRegistration}`),
    )
    .where(and(eq(users.establishmentId, establishmentId), eq(users.status, 'active')))
    .orderBy(asc(users.name));
}

/** The people a partner may sign up: themselves and the active users of their establishment. */
export async function getUserForSignUp(db: Database, userId: string) {
  return firstOrNull(db
    .select({ id: users.id, role: users.role, establishmentId: users.establishmentId, status: users.status })
    .from(users)
    .where(eq(users.id, userId)));
}

const actor = alias(users, 'actor');
export async function listSessionHistory(db: Database, sessionId: string) {
  return db
    .select({
      id: trainingRegistrationEvents.id, registrationId: trainingRegistrationEvents.registrationId, kind: trainingRegistrationEvents.kind,
      userId: registrant.id, userName: registrant.name, actorId: actor.id, actorName: actor.name,
      details: trainingRegistrationEvents.details, createdAt: trainingRegistrationEvents.createdAt,
    })
    .from(trainingRegistrationEvents)
    .innerJoin(trainingRegistrations, eq(trainingRegistrations.id, trainingRegistrationEvents.registrationId))
    .innerJoin(registrant, eq(registrant.id, trainingRegistrations.userId))
    .leftJoin(actor, eq(actor.id, trainingRegistrationEvents.actorId))
    .where(eq(trainingRegistrationEvents.sessionId, sessionId))
    .orderBy(asc(trainingRegistrationEvents.id));
}
