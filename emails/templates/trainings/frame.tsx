import { Link, Section, Text } from '@react-email/components';
import { formatSlot } from '../../../common/format';
import { colors, paragraph, type Locale } from '../layout';
import { defineLetter, type Block, type LetterRecipient } from '../letter';
import type { TemplateDefinition } from '../template';

/**
 * What every mail of the trainings feature shares: the session card (title,
 * time slots, place with map link, meeting link) and the letter around it.
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

export interface TrainingMailBase extends LetterRecipient {
  session: TrainingSessionInfo;
}

/** Words every training mail shares. */
const sessionCopy = {
  fr: {
    when: 'Quand\u00a0:',
    where: 'Où\u00a0:',
    slotSeparator: '\u00a0; ',
    map: 'Voir sur la carte',
    online: 'Lien de connexion',
    reason: 'Vous recevez ce message parce que vous avez une inscription à une formation de l’office de tourisme sur l’Espace Pro.',
    page: 'Voir la session',
  },
  en: {
    when: 'When:',
    where: 'Where:',
    slotSeparator: '; ',
    map: 'View on the map',
    online: 'Meeting link',
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

/** What a training mail says around the session card. */
export interface SessionLetterBody {
  /** The opening paragraph, above the card. */
  intro: string;
  /** Off in mails about a seat the recipient no longer has. */
  showPlace?: boolean;
  blocks?: Block[];
  /** The button: a link of the mail's own, or the session's page. */
  action?: { href: string; label: string } | 'session page';
  note?: string;
}

/**
 * A training mail from its French and English copy: the subject is the
 * copy's `subject` of the session's title; the letter is the greeting, the
 * intro, the session card, then the mail's own blocks, button and note, with
 * the reason every training mail gives.
 */
export function defineSessionLetter<P extends TrainingMailBase, C extends { subject: (title: string) => string; preview: string }>(spec: {
  copy: { fr: C; en: NoInfer<C> };
  letter: (props: P, c: C, locale: Locale) => SessionLetterBody;
}): TemplateDefinition<P> {
  return defineLetter<P, C>({
    copy: spec.copy,
    subject: (p, c) => c.subject(p.session.title),
    letter: (p, c, locale) => {
      const s = sessionCopy[locale];
      const { intro, showPlace, blocks = [], action, note } = spec.letter(p, c, locale);
      return {
        preview: c.preview,
        reason: s.reason,
        blocks: [intro, <SessionCard session={p.session} locale={locale} showPlace={showPlace} />, ...blocks],
        action: action === 'session page' ? { href: p.session.pageUrl, label: s.page } : action,
        note,
      };
    },
  });
}
