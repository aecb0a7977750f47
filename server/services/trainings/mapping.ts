import type { TrainingRow } from '../../../db/queries/trainings/catalogue';
import type { RegistrationRow, listColleagues, listSessionHistory } from '../../../db/queries/trainings/registrations';
import type { SessionDetailRow, SessionListRow, getSlots, listStaffSessions } from '../../../db/queries/trainings/sessions';
import type { surveySummary } from '../../../db/queries/trainings/survey';
import { mapUrl } from '../../../common/places';
import type {
  HistoryEvent, MyItem, MyRegistration, Place, Registration, SessionDetail, SessionListItem, StaffSessionItem, SurveySummary, Training,
} from '../../schemas/trainings';
import { iso, isoOrNull } from '../../../common/text';

/**
 * Rows -> API objects of the trainings feature: one `toX` per object of
 * server/schemas/trainings.ts. Routes never map; the session list built by
 * PostgreSQL (db/queries/trainings/session-list.ts) is held equal to
 * `toSessionListItem` by tests/server/trainings-session-list-json.test.ts.
 */

const ref = (id: string | null, name: string | null) => (id && name ? { id, name } : null);
type Row<F extends (...args: never[]) => Promise<unknown>> = Awaited<ReturnType<F>> extends (infer R)[] ? R : never;

export function toTraining(row: TrainingRow): Training {
  return {
    id: row.id, title: row.title, summary: row.summary, descriptionHtml: row.descriptionHtml, theme: row.theme,
    targetCategories: row.targetCategories, durationMinutes: row.durationMinutes, trainer: row.trainer,
    priceMemberCents: row.priceMemberCents, priceNonMemberCents: row.priceNonMemberCents, archived: row.archived,
    upcomingSessionCount: Number(row.upcomingSessionCount ?? 0), createdAt: iso(row.createdAt), updatedAt: iso(row.updatedAt),
  };
}

type PlaceRow = Pick<SessionListRow, 'placeKind' | 'officeId' | 'officeName' | 'sessionAddress' | 'officeAddress' | 'communeInsee' | 'communeName' | 'postalCode' | 'onlineUrl'>;

/** Where a session takes place; the meeting link of an online session only when `showOnline`. */
export function toPlace(row: PlaceRow, showOnline: boolean): Place {
  const online = row.placeKind === 'online';
  const address = row.placeKind === 'office' ? row.officeAddress : row.placeKind === 'address' ? row.sessionAddress : null;
  const communeName = online ? null : row.communeName;
  return {
    kind: row.placeKind,
    officeId: row.placeKind === 'office' ? row.officeId : null,
    officeName: row.placeKind === 'office' ? row.officeName : null,
    address,
    communeInsee: online ? null : row.communeInsee,
    communeName,
    onlineUrl: online && showOnline ? row.onlineUrl : null,
    mapUrl: mapUrl({ kind: row.placeKind, officeName: row.officeName, address, communeName, postalCode: online ? null : row.postalCode, lat: null, lon: null }),
  };
}

type MyRegistrationRow = Pick<SessionListRow, 'regId' | 'regStatus' | 'regPosition' | 'regOfferExpiresAt' | 'regAttendance'>;

export function toMyRegistration(row: MyRegistrationRow): MyRegistration | null {
  if (!row.regId || !row.regStatus) return null;
  return {
    id: row.regId, status: row.regStatus, position: row.regPosition === null ? null : Number(row.regPosition),
    offerExpiresAt: isoOrNull(row.regOfferExpiresAt), attendance: row.regAttendance ?? null,
  };
}

/** A session as lists show it; the meeting link only to a confirmed participant when `showOnline`. */
export function toSessionListItem(row: SessionListRow, showOnline = false): SessionListItem {
  return {
    id: row.id, trainingId: row.trainingId, title: row.title, theme: row.theme, summary: row.summary,
    startsAt: iso(row.startsAt), endsAt: iso(row.endsAt), slotCount: row.slotCount,
    place: toPlace(row, showOnline && row.regStatus === 'confirmed'),
    capacity: row.capacity, seatsLeft: Math.max(0, row.capacity - row.confirmedCount - row.offeredCount), waitingCount: row.waitingCount,
    signupDeadline: iso(row.signupDeadline), status: row.status, myRegistration: toMyRegistration(row),
  };
}

export function toSessionDetail(
  row: SessionDetailRow,
  more: { training: TrainingRow; slots: Row<typeof getSlots>[]; showOnline: boolean; now: number },
): SessionDetail {
  return {
    ...toSessionListItem(row, false),
    place: toPlace(row, more.showOnline),
    training: toTraining(more.training),
    slots: more.slots.map((s) => ({ startsAt: iso(s.startsAt), endsAt: iso(s.endsAt) })),
    perEstablishmentCap: row.perEstablishmentCap, waitlistMode: row.waitlistMode, offerHours: row.offerHours, notes: row.notes,
    confirmedCount: row.confirmedCount, offeredCount: row.offeredCount,
    canSignUp: row.status === 'open' && row.signupDeadline.getTime() > more.now && row.startsAt.getTime() > more.now,
    surveyAvailable: row.surveySentAt !== null, cancelReason: row.cancelReason,
    createdAt: iso(row.createdAt), updatedAt: iso(row.updatedAt),
  };
}

export function toStaffSessionItem(row: Awaited<ReturnType<typeof listStaffSessions>>['items'][number]): StaffSessionItem {
  return {
    id: row.id, trainingId: row.trainingId, title: row.title, theme: row.theme, startsAt: iso(row.startsAt), endsAt: iso(row.endsAt),
    place: toPlace(row, true), capacity: row.capacity, confirmedCount: row.confirmedCount, offeredCount: row.offeredCount,
    waitingCount: row.waitingCount, fillRate: Math.round((row.confirmedCount / row.capacity) * 1000) / 1000,
    signupDeadline: iso(row.signupDeadline), status: row.status,
  };
}

export function toRegistration(row: RegistrationRow): Registration {
  return {
    id: row.id, sessionId: row.sessionId, user: { id: row.userId, name: row.userName, email: row.userEmail },
    establishment: ref(row.establishmentId, row.establishmentName),
    status: row.status, position: row.position === null ? null : Number(row.position), offerExpiresAt: isoOrNull(row.offerExpiresAt),
    attendance: row.attendance ?? null, registeredBy: ref(row.registeredById, row.registeredByName),
    createdAt: iso(row.createdAt), confirmedAt: isoOrNull(row.confirmedAt), cancelledAt: isoOrNull(row.cancelledAt),
  };
}

export function toColleague(row: Row<typeof listColleagues>) {
  return { userId: row.userId, name: row.name, registration: toMyRegistration(row) };
}

export function toHistoryEvent(row: Row<typeof listSessionHistory>): HistoryEvent {
  return {
    id: Number(row.id), registrationId: row.registrationId, user: { id: row.userId, name: row.userName }, kind: row.kind,
    actor: ref(row.actorId, row.actorName), details: row.details ?? {}, createdAt: iso(row.createdAt),
  };
}

export function toMyItem(row: SessionListRow): MyItem {
  return { session: toSessionListItem(row, true), registration: toMyRegistration(row)!, certificateAvailable: row.regStatus === 'confirmed' && row.regAttendance === 'present' };
}

export function toSurveySummary(s: Awaited<ReturnType<typeof surveySummary>>): SurveySummary {
  return { ...s, comments: s.comments.map((c) => ({ ...c, createdAt: iso(c.createdAt) })) };
}
