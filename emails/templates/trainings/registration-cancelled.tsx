import { Text } from '@react-email/components';
import { CallToAction, paragraph, type Locale } from '../layout';
import { Frame, SessionCard, sessionCopy, type TrainingMailBase } from './frame';

export type TrainingRegistrationCancelledProps = TrainingMailBase;

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
      <CallToAction href={p.session.pageUrl} label={sessionCopy[p.locale].page} fallback={sessionCopy[p.locale].fallback} />
    </Frame>
  );
}

export const trainingRegistrationCancelledSubject = (p: TrainingRegistrationCancelledProps, locale: Locale): string => cancelledRegCopy[locale].subject(p.session.title);
