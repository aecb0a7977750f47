import { Text } from '@react-email/components';
import { paragraph } from '../layout';
import { defineLetter, type LetterRecipient } from '../letter';

export interface NewsCommentProps extends LetterRecipient {
  authorName: string;
  /** Title of the post or experience sheet. */
  title: string;
  /** The comment, plain text, cut to a short excerpt. */
  excerpt: string;
  url: string;
}

const copy = {
  fr: {
    subject: (title: string) => `Nouveau commentaire sur « ${title} »`,
    preview: 'Une nouvelle réponse dans une discussion que vous suivez.',
    body: (author: string, title: string) => `${author || 'Un membre du réseau'} a commenté « ${title} » :`,
    cta: 'Lire la discussion',
    reason: 'Vous recevez ce message parce que vous avez publié ou commenté ce contenu. Pour ne plus le recevoir, choisissez « Ne plus suivre » sur la page, ou réglez vos préférences d’actualités dans votre profil.',
  },
  en: {
    subject: (title: string) => `New comment on “${title}”`,
    preview: 'A new reply in a discussion you take part in.',
    body: (author: string, title: string) => `${author || 'A network member'} commented on “${title}”:`,
    cta: 'Read the discussion',
    reason: 'You are receiving this message because you published or commented on this content. To stop it, choose “Mute” on the page, or change your news preferences in your profile.',
  },
};

export const newsComment = defineLetter({
  copy,
  subject: (p: NewsCommentProps, c) => c.subject(p.title),
  letter: (p, c) => ({
    blocks: [c.body(p.authorName, p.title), <Text style={{ ...paragraph, fontStyle: 'italic', whiteSpace: 'pre-line' }}>{p.excerpt}</Text>],
    action: { href: p.url, label: c.cta },
  }),
});
