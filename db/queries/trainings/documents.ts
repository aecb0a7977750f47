import { eq, sql } from 'drizzle-orm';
import { communes, establishments, offices, trainingRegistrationEvents, trainingRegistrations, trainingSessionNotices, trainingSessions, trainings, users } from '../../schema';
import { placeCommune, type Executor } from './shared';
import { getSlots } from './sessions';
import { firstOrNull } from '../rows';

// ---------- documents (mails, calendars, PDFs) ----------

/** Everything a mail, a calendar file or a PDF needs about a session. */
export async function getSessionDocument(db: Executor, sessionId: string) {
  const [row] = await db
    .select({
      id: trainingSessions.id, status: trainingSessions.status, title: trainings.title, summary: trainings.summary, trainer: trainings.trainer,
      durationMinutes: trainings.durationMinutes, startsAt: trainingSessions.startsAt, endsAt: trainingSessions.endsAt,
      placeKind: trainingSessions.placeKind, officeName: offices.name, sessionAddress: trainingSessions.address, officeAddress: offices.address,
      communeName: communes.name, postalCode: communes.postalCode, lat: communes.lat, lon: communes.lon, onlineUrl: trainingSessions.onlineUrl,
      revision: trainingSessions.revision, signupDeadline: trainingSessions.signupDeadline, cancelReason: trainingSessions.cancelReason,
    })
    .from(trainingSessions)
    .innerJoin(trainings, eq(trainings.id, trainingSessions.trainingId))
    .leftJoin(offices, eq(offices.id, trainingSessions.officeId))
    .leftJoin(communes, sql`${communes.inseeCode} = ${placeCommune}`)
    .where(eq(trainingSessions.id, sessionId));
  if (!row) return null;
  const slots = await getSlots(db, sessionId);
  return {
    ...row,
    slots,
    place: {
      kind: row.placeKind, officeName: row.officeName, address: row.placeKind === 'office' ? row.officeAddress : row.sessionAddress,
      communeName: row.communeName, postalCode: row.postalCode, lat: row.lat, lon: row.lon,
    },
  };
}
export type SessionDocument = NonNullable<Awaited<ReturnType<typeof getSessionDocument>>>;

/** Place of an office or an address, resolved for notices (old place of a changed session). */
export async function resolvePlace(db: Executor, p: { kind: 'office' | 'address' | 'online'; officeId: string | null; communeInsee: string | null; address: string | null }) {
  let officeName: string | null = null;
  let address = p.address;
  let insee = p.communeInsee;
  if (p.kind === 'office' && p.officeId) {
    const [o] = await db.select({ name: offices.name, address: offices.address, communeInsee: offices.communeInsee }).from(offices).where(eq(offices.id, p.officeId));
    officeName = o?.name ?? null;
    address = o?.address ?? null;
    insee = o?.communeInsee ?? null;
  }
  const [c] = insee ? await db.select({ name: communes.name, postalCode: communes.postalCode, lat: communes.lat, lon: communes.lon }).from(communes).where(eq(communes.inseeCode, insee)) : [];
  return { kind: p.kind, officeName, address, communeName: c?.name ?? null, postalCode: c?.postalCode ?? null, lat: c?.lat ?? null, lon: c?.lon ?? null };
}

/** The registration a mail is about, with its person and establishment. */
export async function getRegistrationForMail(db: Executor, registrationId: string) {
  return firstOrNull(db
    .select({
      id: trainingRegistrations.id, sessionId: trainingRegistrations.sessionId, status: trainingRegistrations.status,
      offerRound: trainingRegistrations.offerRound, offerExpiresAt: trainingRegistrations.offerExpiresAt, attendance: trainingRegistrations.attendance,
      userId: users.id, userName: users.name, userStatus: users.status, establishmentName: establishments.name,
    })
    .from(trainingRegistrations)
    .innerJoin(users, eq(users.id, trainingRegistrations.userId))
    .leftJoin(establishments, eq(establishments.id, trainingRegistrations.establishmentId))
    .where(eq(trainingRegistrations.id, registrationId)));
}

export async function getEvent(db: Executor, eventId: number) {
  return firstOrNull(db
    .select({ id: trainingRegistrationEvents.id, registrationId: trainingRegistrationEvents.registrationId, kind: trainingRegistrationEvents.kind, details: trainingRegistrationEvents.details })
    .from(trainingRegistrationEvents)
    .where(eq(trainingRegistrationEvents.id, eventId)));
}

export async function getNotice(db: Executor, noticeId: string) {
  return firstOrNull(db
    .select({ id: trainingSessionNotices.id, sessionId: trainingSessionNotices.sessionId, kind: trainingSessionNotices.kind, details: trainingSessionNotices.details })
    .from(trainingSessionNotices)
    .where(eq(trainingSessionNotices.id, noticeId)));
}
