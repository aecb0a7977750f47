import { Link, Text } from '@react-email/components';
import { CallToAction, Heading1, Layout, paragraph, type Locale } from '../layout';

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
    hello: (name: string) => `Bonjour ${name},`,
    body: 'Voici les actualités publiées cette semaine que vous n’avez pas encore lues\u00a0:',
    important: 'Important',
    cta: 'Voir toutes les actualités',
    fallback: 'Si le bouton ne fonctionne pas, copiez cette adresse dans votre navigateur\u00a0:',
    reason: 'Vous recevez ce récapitulatif hebdomadaire selon vos préférences d’actualités. Changez-les (ou choisissez « aucun e-mail ») dans vos préférences.',
  },
  en: {
    subject: (n: number) => (n > 1 ? `${n} network news posts to read this week` : '1 network news post to read this week'),
    preview: 'The network news you have not read yet.',
    hello: (name: string) => `Hello ${name},`,
    body: 'Here are the news posts published this week that you have not read yet:',
    important: 'Important',
    cta: 'See all news',
    fallback: 'If the button does not work, copy this address into your browser:',
    reason: 'You receive this weekly digest according to your news preferences. Change them (or choose “no e-mail”) in your preferences.',
  },
} as const;

export function NewsDigest(props: NewsDigestProps & { locale: Locale }) {
  const c = copy[props.locale];
  return (
    <Layout locale={props.locale} preview={c.preview} reason={c.reason} homeUrl={props.homeUrl}>
      <Heading1>{c.hello(props.recipientName)}</Heading1>
      <Text style={paragraph}>{c.body}</Text>
      {props.posts.map((p) => (
        <Text key={p.url} style={paragraph}>
          {p.important ? `${c.important} — ` : ''}<Link href={p.url}>{p.title}</Link>
          {p.summary ? <><br />{p.summary}</> : null}
        </Text>
      ))}
      <CallToAction href={props.feedUrl} label={c.cta} fallback={c.fallback} />
    </Layout>
  );
}

export const newsDigestSubject = (p: NewsDigestProps, locale: Locale) => copy[locale].subject(p.posts.length);
