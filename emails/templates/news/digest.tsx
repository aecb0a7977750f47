import { Link, Text } from '@react-email/components';
import { paragraph, type Locale } from '../layout';
import { Letter } from '../letter';

export interface NewsDigestProps {
  recipientName: string;
  posts: { title: string; summary: string; important: boolean; url: string }[];
  feedUrl: string;
  homeUrl: string;
}

const copy = {
  fr: {
    subject: (n: number) => (n > 1 ? `${n} actualités du réseau à lire cette semaine` : '1 actualité du réseau à lire cette semaine'),
    preview: 'Les actualités du réseau que vous n’avez pas encore lues.',
    body: 'Voici les actualités publiées cette semaine que vous n’avez pas encore lues\u00a0:',
    important: 'Important',
    cta: 'Voir toutes les actualités',
    reason: 'Vous recevez ce récapitulatif hebdomadaire selon vos préférences d’actualités. Changez-les (ou choisissez « aucun e-mail ») dans vos préférences.',
  },
  en: {
    subject: (n: number) => (n > 1 ? `${n} network news posts to read this week` : '1 network news post to read this week'),
    preview: 'The network news you have not read yet.',
    body: 'Here are the news posts published this week that you have not read yet:',
    important: 'Important',
    cta: 'See all news',
    reason: 'You receive this weekly digest according to your news preferences. Change them (or choose “no e-mail”) in your preferences.',
  },
} as const;

export function NewsDigest(props: NewsDigestProps & { locale: Locale }) {
  const c = copy[props.locale];
  return (
    <Letter locale={props.locale} preview={c.preview} reason={c.reason} homeUrl={props.homeUrl} name={props.recipientName}
      blocks={[
        c.body,
        ...props.posts.map((p) => (
          <Text style={paragraph}>
            {p.important ? `${c.important} — ` : ''}<Link href={p.url}>{p.title}</Link>
            {p.summary ? <><br />{p.summary}</> : null}
          </Text>
        )),
      ]}
      action={{ href: props.feedUrl, label: c.cta }} />
  );
}

export const newsDigestSubject = (p: NewsDigestProps, locale: Locale) => copy[locale].subject(p.posts.length);
