import { Link, Text } from '@react-email/components';
import { paragraph } from '../layout';
import { defineLetter, type LetterRecipient } from '../letter';

export interface NewsDigestProps extends LetterRecipient {
  posts: { title: string; summary: string; important: boolean; url: string }[];
  feedUrl: string;
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
};

export const newsDigest = defineLetter({
  copy,
  subject: (p: NewsDigestProps, c) => c.subject(p.posts.length),
  letter: (p, c) => ({
    blocks: [
      c.body,
      ...p.posts.map((post) => (
        <Text style={paragraph}>
          {post.important ? `${c.important} — ` : ''}<Link href={post.url}>{post.title}</Link>
          {post.summary ? <><br />{post.summary}</> : null}
        </Text>
      )),
    ],
    action: { href: p.feedUrl, label: c.cta },
  }),
});
