import type { ReactNode } from 'react';
import { Link, Section, Text } from '@react-email/components';
import { formatSlot } from '../../../common/format';
import { Heading1, Layout, colors, paragraph, type Locale } from '../layout';

/**
 * What every mail of the trainings feature shares: the session card (title,
 * time slots, place with map link, meeting link) and the greeting frame.
 * Props are plain data built by the mail worker's loaders
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

export interface TrainingMailBase {
  recipientName: string;
  session: TrainingSessionInfo;
  homeUrl: string;
}

/** Words every training mail shares. */
export const sessionCopy = {
  fr: {
    hello: (n: string) => `Bonjour ${n},`,
    when: 'Quand\u00a0:',
    where: 'Où\u00a0:',
    slotSeparator: '\u00a0; ',
    map: 'Voir sur la carte',
    online: 'Lien de connexion',
    fallback: 'Si le bouton ne fonctionne pas, copiez cette adresse dans votre navigateur\u00a0:',
    reason: 'Vous recevez ce message parce que vous avez une inscription à une formation de l’office de tourisme sur l’Espace Pro.',
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
export function SessionCard({ session, locale, showPlace = true }: { session: TrainingSessionInfo; locale: Locale; showPlace?: boolean }) {
  const c = sessionCopy[locale];
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

export function Frame({ locale, preview, name, children, homeUrl }: { locale: Locale; preview: string; name: string; homeUrl: string; children: ReactNode }) {
  return (
    <Layout locale={locale} preview={preview} reason={sessionCopy[locale].reason} homeUrl={homeUrl}>
      <Heading1>{sessionCopy[locale].hello(name)}</Heading1>
      {children}
    </Layout>
  );
}
