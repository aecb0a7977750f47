import { UnrecoverableError } from 'bullmq';
import type { Database } from '../../../db/client';
import { getEvent, getNotice, getRegistrationForMail, getSessionDocument, resolvePlace, type SessionDocument } from '../../../db/queries/trainings/documents';
import type {
  TrainingConfirmedProps, TrainingOfferExpiredProps, TrainingOfferProps, TrainingRegistrationCancelledProps, TrainingReminderProps,
  TrainingSessionCancelledProps, TrainingSessionChangedProps, TrainingSessionInfo, TrainingSurveyProps, TrainingWaitingProps,
} from '../../../emails/templates/trainings';
import { sessionCalendar } from '../../../common/calendar';
import { mapUrl, placeLine } from '../../../common/places';
import type { MailAttachment } from '../../../emails/transport';
import { offerToken, surveyToken } from '../../../common/link-tokens';
import { appLink, uuidParam, type ComposeContext } from '../mail/context';

/**
 * Loaders of the training mails: from the ids in the outbox row, rebuild
 * the props at send time, or return null when the mail no longer applies
 * (the person cancelled, the offer moved on, the session was cancelled...):
 * the message is then skipped, never sent stale.
 */

function eventId(params: Record<string, unknown>): number {
  const v = params.eventId;
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v <= 0) throw new UnrecoverableError('mail params: eventId must be a positive integer');
  return v;
}

const sessionPage = (ctx: ComposeContext, id: string) => appLink(ctx, `/formations/sessions/${id}`);
const myTrainings = (ctx: ComposeContext) => appLink(ctx, `/formations/mes-formations`);
const home = (ctx: ComposeContext) => appLink(ctx, `/`);

function info(doc: SessionDocument, ctx: ComposeContext, confirmed: boolean): TrainingSessionInfo {
  const locale = ctx.message.language;
  return {
    title: doc.title,
    slots: doc.slots.map((s) => ({ startsAt: s.startsAt, endsAt: s.endsAt })),
    place: placeLine(doc.place, locale),
    mapUrl: mapUrl(doc.place),
    onlineUrl: confirmed && doc.placeKind === 'online' ? doc.onlineUrl : null,
    pageUrl: sessionPage(ctx, doc.id),
  };
}

/** The registration and its session, when the user is still active. */
async function load(db: Database, registrationId: string) {
  const reg = await getRegistrationForMail(db, registrationId);
  if (!reg || reg.userStatus !== 'active') return null;
  const doc = await getSessionDocument(db, reg.sessionId);
  if (!doc) return null;
  return { reg, doc };
}

const live = (doc: SessionDocument) => doc.status === 'open' || doc.status === 'closed';

type Loader<P> = (db: Database, params: Record<string, unknown>, ctx: ComposeContext) => Promise<P | null>;

export const trainingComposers = {
  'training-confirmed': (async (db, params, ctx) => {
    const x = await load(db, uuidParam(params, 'registrationId'));
    if (!x || x.reg.status !== 'confirmed' || !live(x.doc)) return null;
    const ev = await getEvent(db, eventId(params));
    return {
      recipientName: x.reg.userName, session: info(x.doc, ctx, true), homeUrl: home(ctx), myTrainingsUrl: myTrainings(ctx),
      promoted: ev?.kind === 'promoted' || ev?.kind === 'accepted',
    };
  }) satisfies Loader<TrainingConfirmedProps>,

  'training-waiting': (async (db, params, ctx) => {
    const x = await load(db, uuidParam(params, 'registrationId'));
    if (!x || x.reg.status !== 'waiting' || !live(x.doc)) return null;
    const ev = await getEvent(db, eventId(params));
    const position = typeof ev?.details.position === 'number' ? ev.details.position : null;
    return { recipientName: x.reg.userName, session: info(x.doc, ctx, false), homeUrl: home(ctx), myTrainingsUrl: myTrainings(ctx), position };
  }) satisfies Loader<TrainingWaitingProps>,

  'training-offer': (async (db, params, ctx) => {
    const x = await load(db, uuidParam(params, 'registrationId'));
    const ev = await getEvent(db, eventId(params));
    // Only the offer this mail was written for, while it is open.
    if (!x || !ev || x.reg.status !== 'offered' || !x.reg.offerExpiresAt || x.reg.offerExpiresAt <= new Date() || !live(x.doc)) return null;
    if (ev.details.round !== x.reg.offerRound) return null;
    return {
      recipientName: x.reg.userName, session: info(x.doc, ctx, false), homeUrl: home(ctx),
      link: appLink(ctx, `/formations/offres/${offerToken(ctx.config.JWT_SECRET, x.reg.id, x.reg.offerRound)}`),
      expiresAt: x.reg.offerExpiresAt,
    };
  }) satisfies Loader<TrainingOfferProps>,

  'training-offer-expired': (async (db, params, ctx) => {
    const x = await load(db, uuidParam(params, 'registrationId'));
    if (!x || x.reg.status !== 'expired' || !live(x.doc)) return null;
    return { recipientName: x.reg.userName, session: info(x.doc, ctx, false), homeUrl: home(ctx) };
  }) satisfies Loader<TrainingOfferExpiredProps>,

  'training-registration-cancelled': (async (db, params, ctx) => {
    const x = await load(db, uuidParam(params, 'registrationId'));
    if (!x || x.reg.status !== 'cancelled' || x.doc.status === 'cancelled') return null;
    return { recipientName: x.reg.userName, session: info(x.doc, ctx, false), homeUrl: home(ctx) };
  }) satisfies Loader<TrainingRegistrationCancelledProps>,

  'training-reminder': (async (db, params, ctx) => {
    const x = await load(db, uuidParam(params, 'registrationId'));
    if (!x || x.reg.status !== 'confirmed' || !live(x.doc) || x.doc.startsAt <= new Date()) return null;
    return { recipientName: x.reg.userName, session: info(x.doc, ctx, true), homeUrl: home(ctx) };
  }) satisfies Loader<TrainingReminderProps>,

  'training-session-changed': (async (db, params, ctx) => {
    const x = await load(db, uuidParam(params, 'registrationId'));
    const notice = await getNotice(db, uuidParam(params, 'noticeId'));
    if (!x || !notice || notice.kind !== 'changed' || !live(x.doc)) return null;
    if (x.reg.status !== 'confirmed' && x.reg.status !== 'waiting' && x.reg.status !== 'offered') return null;
    const d = notice.details;
    const oldPlace = d.placeChanged
      ? placeLine(await resolvePlace(db, { kind: (d.oldPlaceKind ?? 'address') as 'office', officeId: d.oldOfficeId ?? null, communeInsee: d.oldCommuneInsee ?? null, address: d.oldAddress ?? null }), ctx.message.language)
      : null;
    return {
      recipientName: x.reg.userName, session: info(x.doc, ctx, x.reg.status === 'confirmed'), homeUrl: home(ctx),
      timeChanged: d.timeChanged === 'yes', placeChanged: d.placeChanged === 'yes', oldStartsAt: d.oldStartsAt ?? null, oldPlace,
      registrationStatus: x.reg.status,
    };
  }) satisfies Loader<TrainingSessionChangedProps>,

  'training-session-cancelled': (async (db, params, ctx) => {
    const x = await load(db, uuidParam(params, 'registrationId'));
    const notice = await getNotice(db, uuidParam(params, 'noticeId'));
    if (!x || !notice || notice.kind !== 'cancelled' || x.doc.status !== 'cancelled') return null;
    return { recipientName: x.reg.userName, session: info(x.doc, ctx, false), homeUrl: home(ctx), reason: notice.details.reason ?? null };
  }) satisfies Loader<TrainingSessionCancelledProps>,

  'training-survey': (async (db, params, ctx) => {
    const x = await load(db, uuidParam(params, 'registrationId'));
    if (!x || x.reg.status !== 'confirmed' || x.reg.attendance === 'absent' || x.doc.status === 'cancelled') return null;
    return {
      recipientName: x.reg.userName, session: info(x.doc, ctx, false), homeUrl: home(ctx),
      link: appLink(ctx, `/formations/enquete/${surveyToken(ctx.config.JWT_SECRET, x.reg.id)}`),
    };
  }) satisfies Loader<TrainingSurveyProps>,
};

/** Files attached to training mails: the confirmation carries the session's .ics. */
export const trainingAttachments: Record<string, (db: Database, params: Record<string, unknown>, ctx: ComposeContext) => Promise<MailAttachment[]>> = {
  'training-confirmed': async (db, params, ctx) => {
    const x = await load(db, uuidParam(params, 'registrationId'));
    if (!x) return [];
    const ics = sessionCalendar({
      id: x.doc.id, title: x.doc.title, summary: x.doc.summary, slots: x.doc.slots,
      location: x.doc.placeKind === 'online' ? null : placeLine(x.doc.place, ctx.message.language),
      onlineUrl: x.doc.placeKind === 'online' ? x.doc.onlineUrl : null,
      pageUrl: sessionPage(ctx, x.doc.id), revision: x.doc.revision, cancelled: false, lat: x.doc.place.lat, lon: x.doc.place.lon,
    });
    return [{ filename: 'formation.ics', content: ics, contentType: 'text/calendar; charset=utf-8; method=PUBLISH' }];
  },
};
