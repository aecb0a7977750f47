import type { ComponentType, ReactNode } from 'react';
import { Link, Section, Text } from '@react-email/components';
import { formatSlot } from '../../common/format';
import { CallToAction, Heading1, Layout, Notice, colors, formatDateTime, paragraph, type Locale } from './layout';
import type { ActiveRegistrationStatus } from '../../common/trainings';

/**
 * Mails of the trainings feature (sign-up, waiting list, offers, reminders,
 * notices, survey). Props are plain data built by the mail worker's loaders
 * (workers/handlers/trainings/mail.ts) from the ids in the outbox row.
 */

export interface TrainingSessionInfo {
  title: string;
  slots: { startsAt: Date | string; endsAt: Date | string }[];
  /** Readable place line, or "online". */
  place: string;
  /** OpenStreetMap link (office or address). */
  mapUrl: string | null;
  /** Meeting link: only in mails to confirmed participants. */
  onlineUrl: string | null;
  /** The session page in Espace Pro. */
  pageUrl: string;
}

interface Base {
  recipientName: string;
  session: TrainingSessionInfo;
  homeUrl: string;
}

export type TrainingConfirmedProps = Base & { myTrainingsUrl: string; promoted: boolean };
export type TrainingWaitingProps = Base & { position: number | null; myTrainingsUrl: string };
export type TrainingOfferProps = Base & { link: string; expiresAt: Date | string };
export type TrainingOfferExpiredProps = Base;
export type TrainingRegistrationCancelledProps = Base;
export type TrainingReminderProps = Base;
export type TrainingSessionChangedProps = Base & {
  timeChanged: boolean;
  placeChanged: boolean;
  oldStartsAt: Date | string | null;
  oldPlace: string | null;
  registrationStatus: ActiveRegistrationStatus;
};
export type TrainingSessionCancelledProps = Base & { reason: string | null };
export type TrainingSurveyProps = Base & { link: string };

const common = {
  fr: {
    hello: (n: string) => `Bonjour ${n},`,
    when: 'Quand\u00a0:',
    where: 'Où\u00a0:',
    slotSeparator: '\u00a0; ',
    map: 'Voir sur la carte',
    online: 'Lien de connexion',
    fallback: 'Si le bouton ne fonctionne pas, copiez cette adresse dans votre navigateur\u00a0:',
    reason: 'Vous recevez ce message parce que vous êtes inscrit(e) à une formation de l’office de tourisme sur l’Espace Pro.',
    page: 'Voir la session',
  },
  en: {
    hello: (n: string) => `Hello ${n},`,
    when: 'When:',
    where: 'Where:',
    slotSeparator: '; ',
    map: 'View on the map',
    online: 'Meeting link',
    fallback: 'If the button does not work, copy this address into your browser:',
    reason: 'You are receiving this message because you signed up for a tourist office training on Espace Pro.',
    page: 'View the session',
  },
} as const;

/** The session card: title, time slots, place with map link, meeting link when given. */
function SessionCard({ session, locale, showPlace = true }: { session: TrainingSessionInfo; locale: Locale; showPlace?: boolean }) {
  const c = common[locale];
  return (
    <Section style={{ backgroundColor: colors.greenLight, borderRadius: '6px', padding: '14px 18px', margin: '0 0 18px' }}>
      <Text style={{ ...paragraph, fontWeight: 700, margin: '0 0 8px' }}>{session.title}</Text>
      <Text style={{ ...paragraph, margin: '0 0 6px' }}>
        <strong>{c.when}</strong> {session.slots.map((s) => formatSlot(s, locale)).join(c.slotSeparator)}
      </Text>
      {showPlace ? (
        <Text style={{ ...paragraph, margin: 0 }}>
          <strong>{c.where}</strong> {session.place}
          {session.mapUrl ? (
            <>
              {' — '}
              <Link href={session.mapUrl} style={{ color: colors.green, textDecoration: 'underline' }}>{c.map}</Link>
            </>
          ) : null}
        </Text>
      ) : null}
      {session.onlineUrl ? (
        <Text style={{ ...paragraph, margin: '6px 0 0' }}>
          <strong>{c.online}&nbsp;:</strong> <Link href={session.onlineUrl} style={{ color: colors.green, wordBreak: 'break-all' }}>{session.onlineUrl}</Link>
        </Text>
      ) : null}
    </Section>
  );
}

function Frame({ locale, preview, name, children, homeUrl }: { locale: Locale; preview: string; name: string; homeUrl: string; children: ReactNode }) {
  return (
    <Layout locale={locale} preview={preview} reason={common[locale].reason} homeUrl={homeUrl}>
      <Heading1>{common[locale].hello(name)}</Heading1>
      {children}
    </Layout>
  );
}

// ---------- confirmation ----------

const confirmedCopy = {
  fr: {
    subject: (t: string) => `Inscription confirmée\u00a0: ${t}`,
    preview: 'Votre place est réservée.',
    body: 'Votre inscription est confirmée, votre place est réservée.',
    promoted: 'Une place s’est libérée\u00a0: vous passez de la liste d’attente aux participants confirmés.',
    ics: 'Le fichier joint (.ics) ajoute la session à votre agenda (Google, Apple, Outlook).',
    cancel: 'Un empêchement\u00a0? Annulez depuis « Mes formations » pour libérer votre place pour une autre personne.',
    cta: 'Mes formations',
  },
  en: {
    subject: (t: string) => `Registration confirmed: ${t}`,
    preview: 'Your seat is booked.',
    body: 'Your registration is confirmed and your seat is booked.',
    promoted: 'A seat became free: you move from the waiting list to the confirmed participants.',
    ics: 'The attached file (.ics) adds the session to your calendar (Google, Apple, Outlook).',
    cancel: 'Cannot make it? Cancel from “My trainings” to free your seat for someone else.',
    cta: 'My trainings',
  },
} as const;

export function TrainingConfirmed(p: TrainingConfirmedProps & { locale: Locale }) {
  const c = confirmedCopy[p.locale];
  return (
    <Frame locale={p.locale} preview={c.preview} name={p.recipientName} homeUrl={p.homeUrl}>
      <Text style={paragraph}>{p.promoted ? c.promoted : c.body}</Text>
      <SessionCard session={p.session} locale={p.locale} />
      <Text style={paragraph}>{c.ics}</Text>
      <CallToAction href={p.myTrainingsUrl} label={c.cta} fallback={common[p.locale].fallback} />
      <Notice>{c.cancel}</Notice>
    </Frame>
  );
}

// ---------- waiting list ----------

const waitingCopy = {
  fr: {
    subject: (t: string) => `Liste d’attente\u00a0: ${t}`,
    preview: 'La session est complète\u00a0: vous êtes sur la liste d’attente.',
    body: (n: number | null) => (n ? `La session est complète. Vous êtes inscrit(e) sur la liste d’attente, en position ${n}.` : 'La session est complète. Vous êtes inscrit(e) sur la liste d’attente.'),
    how: 'Si une place se libère, elle est proposée dans l’ordre de la liste\u00a0: vous recevrez alors un e-mail pour l’accepter ou la refuser, avec un délai de réponse.',
    leave: 'Vous pouvez quitter la liste d’attente à tout moment depuis « Mes formations ».',
    cta: 'Mes formations',
  },
  en: {
    subject: (t: string) => `Waiting list: ${t}`,
    preview: 'The session is full: you are on the waiting list.',
    body: (n: number | null) => (n ? `The session is full. You are on the waiting list, in position ${n}.` : 'The session is full. You are on the waiting list.'),
    how: 'When a seat frees up, it is offered in list order: you will then receive an e-mail to accept or decline it within a set time.',
    leave: 'You can leave the waiting list at any time from “My trainings”.',
    cta: 'My trainings',
  },
} as const;

export function TrainingWaiting(p: TrainingWaitingProps & { locale: Locale }) {
  const c = waitingCopy[p.locale];
  return (
    <Frame locale={p.locale} preview={c.preview} name={p.recipientName} homeUrl={p.homeUrl}>
      <Text style={paragraph}>{c.body(p.position)}</Text>
      <SessionCard session={p.session} locale={p.locale} />
      <Text style={paragraph}>{c.how}</Text>
      <CallToAction href={p.myTrainingsUrl} label={c.cta} fallback={common[p.locale].fallback} />
      <Notice>{c.leave}</Notice>
    </Frame>
  );
}

// ---------- offer ----------

const offerCopy = {
  fr: {
    subject: (t: string) => `Une place s’est libérée\u00a0: ${t}`,
    preview: 'Une place vous est proposée\u00a0: répondez avant l’échéance.',
    body: 'Bonne nouvelle\u00a0: une place s’est libérée et elle vous est proposée, car vous étiez le premier ou la première sur la liste d’attente.',
    until: (d: string) => `Cette proposition est valable jusqu’au ${d}. Sans réponse, elle passe à la personne suivante.`,
    cta: 'Accepter ou refuser la place',
    note: 'Le lien ouvre une page où vous confirmez votre choix\u00a0: rien n’est enregistré tant que vous n’avez pas cliqué sur « Accepter » ou « Refuser ».',
  },
  en: {
    subject: (t: string) => `A seat is free: ${t}`,
    preview: 'A seat is offered to you: reply before it expires.',
    body: 'Good news: a seat became free and is offered to you, as you were first on the waiting list.',
    until: (d: string) => `This offer is valid until ${d}. Without a reply, it goes to the next person.`,
    cta: 'Accept or decline the seat',
    note: 'The link opens a page where you confirm your choice: nothing is recorded until you click “Accept” or “Decline”.',
  },
} as const;

export function TrainingOffer(p: TrainingOfferProps & { locale: Locale }) {
  const c = offerCopy[p.locale];
  return (
    <Frame locale={p.locale} preview={c.preview} name={p.recipientName} homeUrl={p.homeUrl}>
      <Text style={paragraph}>{c.body}</Text>
      <SessionCard session={p.session} locale={p.locale} />
      <Text style={{ ...paragraph, fontWeight: 700 }}>{c.until(formatDateTime(p.expiresAt, p.locale))}</Text>
      <CallToAction href={p.link} label={c.cta} fallback={common[p.locale].fallback} />
      <Notice>{c.note}</Notice>
    </Frame>
  );
}

const expiredCopy = {
  fr: {
    subject: (t: string) => `Proposition expirée\u00a0: ${t}`,
    preview: 'Le délai pour accepter la place est passé.',
    body: 'Le délai pour accepter la place qui vous était proposée est passé\u00a0: elle a été proposée à la personne suivante et vous ne figurez plus sur la liste d’attente.',
    again: 'Vous pouvez vous réinscrire sur la page de la session (en fin de liste d’attente si elle est complète).',
  },
  en: {
    subject: (t: string) => `Offer expired: ${t}`,
    preview: 'The time to accept the seat has passed.',
    body: 'The time to accept the seat offered to you has passed: it went to the next person and you are no longer on the waiting list.',
    again: 'You can sign up again on the session page (at the end of the waiting list if it is full).',
  },
} as const;

export function TrainingOfferExpired(p: TrainingOfferExpiredProps & { locale: Locale }) {
  const c = expiredCopy[p.locale];
  return (
    <Frame locale={p.locale} preview={c.preview} name={p.recipientName} homeUrl={p.homeUrl}>
      <Text style={paragraph}>{c.body}</Text>
      <SessionCard session={p.session} locale={p.locale} showPlace={false} />
      <Text style={paragraph}>{c.again}</Text>
      <CallToAction href={p.session.pageUrl} label={common[p.locale].page} fallback={common[p.locale].fallback} />
    </Frame>
  );
}

const cancelledRegCopy = {
  fr: {
    subject: (t: string) => `Inscription annulée\u00a0: ${t}`,
    preview: 'Votre inscription a été annulée par l’office de tourisme.',
    body: 'L’office de tourisme a annulé votre inscription à cette session. Pour toute question, contactez votre bureau d’information touristique.',
  },
  en: {
    subject: (t: string) => `Registration cancelled: ${t}`,
    preview: 'Your registration was cancelled by the tourist office.',
    body: 'The tourist office cancelled your registration to this session. For any question, contact your tourist information office.',
  },
} as const;

export function TrainingRegistrationCancelled(p: TrainingRegistrationCancelledProps & { locale: Locale }) {
  const c = cancelledRegCopy[p.locale];
  return (
    <Frame locale={p.locale} preview={c.preview} name={p.recipientName} homeUrl={p.homeUrl}>
      <Text style={paragraph}>{c.body}</Text>
      <SessionCard session={p.session} locale={p.locale} showPlace={false} />
      <CallToAction href={p.session.pageUrl} label={common[p.locale].page} fallback={common[p.locale].fallback} />
    </Frame>
  );
}

// ---------- reminder ----------

const reminderCopy = {
  fr: {
    subject: (t: string) => `Rappel\u00a0: ${t} dans 2 jours`,
    preview: 'Votre formation a lieu dans 2 jours.',
    body: 'Petit rappel\u00a0: votre formation a lieu bientôt. Voici le lieu et l’horaire.',
    cancel: 'Un empêchement\u00a0? Prévenez-nous ou annulez depuis « Mes formations » pour que la place profite à une personne en liste d’attente.',
  },
  en: {
    subject: (t: string) => `Reminder: ${t} in 2 days`,
    preview: 'Your training takes place in 2 days.',
    body: 'A quick reminder: your training is coming up. Here are the place and time.',
    cancel: 'Cannot make it? Let us know or cancel from “My trainings” so that someone on the waiting list gets the seat.',
  },
} as const;

export function TrainingReminder(p: TrainingReminderProps & { locale: Locale }) {
  const c = reminderCopy[p.locale];
  return (
    <Frame locale={p.locale} preview={c.preview} name={p.recipientName} homeUrl={p.homeUrl}>
      <Text style={paragraph}>{c.body}</Text>
      <SessionCard session={p.session} locale={p.locale} />
      <CallToAction href={p.session.pageUrl} label={common[p.locale].page} fallback={common[p.locale].fallback} />
      <Notice>{c.cancel}</Notice>
    </Frame>
  );
}

// ---------- notices ----------

const changedCopy = {
  fr: {
    subject: (t: string) => `Changement\u00a0: ${t}`,
    preview: 'L’horaire ou le lieu de votre formation a changé.',
    body: 'L’office de tourisme a modifié une session à laquelle vous êtes inscrit(e). Voici les nouvelles informations.',
    oldTime: (d: string) => `Ancien horaire\u00a0: ${d}.`,
    oldPlace: (p: string) => `Ancien lieu\u00a0: ${p}.`,
    status: { confirmed: 'Votre place reste réservée.', waiting: 'Vous restez sur la liste d’attente, à la même position.', offered: 'La place qui vous est proposée reste valable jusqu’à l’échéance indiquée.' },
    cannot: 'Ces nouvelles conditions ne vous conviennent pas\u00a0? Annulez depuis « Mes formations » pour libérer la place.',
  },
  en: {
    subject: (t: string) => `Change: ${t}`,
    preview: 'The time or place of your training has changed.',
    body: 'The tourist office changed a session you signed up for. Here are the new details.',
    oldTime: (d: string) => `Previous time: ${d}.`,
    oldPlace: (p: string) => `Previous place: ${p}.`,
    status: { confirmed: 'Your seat remains booked.', waiting: 'You stay on the waiting list, in the same position.', offered: 'The seat offered to you remains valid until the stated deadline.' },
    cannot: 'The new arrangements do not suit you? Cancel from “My trainings” to free the seat.',
  },
} as const;

export function TrainingSessionChanged(p: TrainingSessionChangedProps & { locale: Locale }) {
  const c = changedCopy[p.locale];
  return (
    <Frame locale={p.locale} preview={c.preview} name={p.recipientName} homeUrl={p.homeUrl}>
      <Text style={paragraph}>{c.body}</Text>
      <SessionCard session={p.session} locale={p.locale} />
      {p.timeChanged && p.oldStartsAt ? <Text style={paragraph}>{c.oldTime(formatDateTime(p.oldStartsAt, p.locale))}</Text> : null}
      {p.placeChanged && p.oldPlace ? <Text style={paragraph}>{c.oldPlace(p.oldPlace)}</Text> : null}
      <Text style={paragraph}>{c.status[p.registrationStatus]}</Text>
      <CallToAction href={p.session.pageUrl} label={common[p.locale].page} fallback={common[p.locale].fallback} />
      <Notice>{c.cannot}</Notice>
    </Frame>
  );
}

const sessionCancelledCopy = {
  fr: {
    subject: (t: string) => `Session annulée\u00a0: ${t}`,
    preview: 'Une session à laquelle vous étiez inscrit(e) est annulée.',
    body: 'Nous sommes désolés\u00a0: l’office de tourisme a annulé cette session.',
    reason: (r: string) => `Motif\u00a0: ${r}`,
    next: 'Les autres sessions de cette formation sont sur l’Espace Pro, rubrique « Formations ».',
  },
  en: {
    subject: (t: string) => `Session cancelled: ${t}`,
    preview: 'A session you signed up for is cancelled.',
    body: 'We are sorry: the tourist office has cancelled this session.',
    reason: (r: string) => `Reason: ${r}`,
    next: 'Other sessions of this training are on Espace Pro, under “Trainings”.',
  },
} as const;

export function TrainingSessionCancelled(p: TrainingSessionCancelledProps & { locale: Locale }) {
  const c = sessionCancelledCopy[p.locale];
  return (
    <Frame locale={p.locale} preview={c.preview} name={p.recipientName} homeUrl={p.homeUrl}>
      <Text style={paragraph}>{c.body}</Text>
      <SessionCard session={p.session} locale={p.locale} showPlace={false} />
      {p.reason ? <Text style={paragraph}>{c.reason(p.reason)}</Text> : null}
      <Text style={paragraph}>{c.next}</Text>
    </Frame>
  );
}

// ---------- survey ----------

const surveyCopy = {
  fr: {
    subject: (t: string) => `Votre avis sur\u00a0: ${t}`,
    preview: 'Deux questions, une minute\u00a0: aidez-nous à améliorer nos formations.',
    body: 'Merci d’avoir participé à cette formation. Votre avis nous aide à améliorer les prochaines sessions\u00a0: une note de 1 à 5 et, si vous le souhaitez, un commentaire.',
    cta: 'Donner mon avis',
    note: 'Votre réponse est anonyme pour le formateur\u00a0: l’office de tourisme n’en publie que la synthèse.',
  },
  en: {
    subject: (t: string) => `Your feedback on: ${t}`,
    preview: 'Two questions, one minute: help us improve our trainings.',
    body: 'Thank you for attending this training. Your feedback helps us improve the next sessions: a rating from 1 to 5 and, if you wish, a comment.',
    cta: 'Give my feedback',
    note: 'Your answer is anonymous for the trainer: the tourist office only publishes the summary.',
  },
} as const;

export function TrainingSurvey(p: TrainingSurveyProps & { locale: Locale }) {
  const c = surveyCopy[p.locale];
  return (
    <Frame locale={p.locale} preview={c.preview} name={p.recipientName} homeUrl={p.homeUrl}>
      <Text style={paragraph}>{c.body}</Text>
      <SessionCard session={p.session} locale={p.locale} showPlace={false} />
      <CallToAction href={p.link} label={c.cta} fallback={common[p.locale].fallback} />
      <Notice>{c.note}</Notice>
    </Frame>
  );
}

// ---------- registry entries (spread into emails/render.ts) ----------

interface Definition<P> {
  component: ComponentType<P & { locale: Locale }>;
  subject: (props: P, locale: Locale) => string;
}
const define = <P,>(d: Definition<P>) => d;

export const trainingTemplates = {
  'training-confirmed': define<TrainingConfirmedProps>({ component: TrainingConfirmed, subject: (p, l) => confirmedCopy[l].subject(p.session.title) }),
  'training-waiting': define<TrainingWaitingProps>({ component: TrainingWaiting, subject: (p, l) => waitingCopy[l].subject(p.session.title) }),
  'training-offer': define<TrainingOfferProps>({ component: TrainingOffer, subject: (p, l) => offerCopy[l].subject(p.session.title) }),
  'training-offer-expired': define<TrainingOfferExpiredProps>({ component: TrainingOfferExpired, subject: (p, l) => expiredCopy[l].subject(p.session.title) }),
  'training-registration-cancelled': define<TrainingRegistrationCancelledProps>({ component: TrainingRegistrationCancelled, subject: (p, l) => cancelledRegCopy[l].subject(p.session.title) }),
  'training-reminder': define<TrainingReminderProps>({ component: TrainingReminder, subject: (p, l) => reminderCopy[l].subject(p.session.title) }),
  'training-session-changed': define<TrainingSessionChangedProps>({ component: TrainingSessionChanged, subject: (p, l) => changedCopy[l].subject(p.session.title) }),
  'training-session-cancelled': define<TrainingSessionCancelledProps>({ component: TrainingSessionCancelled, subject: (p, l) => sessionCancelledCopy[l].subject(p.session.title) }),
  'training-survey': define<TrainingSurveyProps>({ component: TrainingSurvey, subject: (p, l) => surveyCopy[l].subject(p.session.title) }),
};
