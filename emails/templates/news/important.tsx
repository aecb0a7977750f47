import { defineLetter, type LetterRecipient } from '../letter';

export interface NewsImportantProps extends LetterRecipient {
  title: string;
  summary: string;
  postUrl: string;
}

const copy = {
  fr: {
    subject: (title: string) => `Important : ${title}`,
    preview: 'Une actualité importante du réseau vient d’être publiée.',
    body: (title: string) => `L’Office de tourisme a publié une actualité importante pour vous : « ${title} ».`,
    cta: 'Lire l’actualité',
    reason: 'Vous recevez ce message parce que vous avez choisi de recevoir les actualités importantes dès leur publication. Changez ce choix dans vos préférences d’actualités.',
  },
  en: {
    subject: (title: string) => `Important: ${title}`,
    preview: 'An important network news post has just been published.',
    body: (title: string) => `The tourist office has published an important news post for you: “${title}”.`,
    cta: 'Read the post',
    reason: 'You are receiving this message because you chose to receive important news as soon as it is published. Change this choice in your news preferences.',
  },
};

export const newsImportant = defineLetter({
  copy,
  subject: (p: NewsImportantProps, c) => c.subject(p.title),
  letter: (p, c) => ({ blocks: [c.body(p.title), p.summary || null], action: { href: p.postUrl, label: c.cta } }),
});
