import { Text } from '@react-email/components';
import { CallToAction, Heading1, Layout, paragraph, type Locale } from '../layout';

export interface NewsImportantProps {
  recipientName: string;
  title: string;
  summary: string;
  postUrl: string;
  homeUrl: string;
}

const copy = {
  fr: {
    subject: (title: string) => `Important : ${title}`,
    preview: 'Une actualité importante du réseau vient d’être publiée.',
    hello: (name: string) => `Bonjour ${name},`,
    body: (title: string) => `L’Office de tourisme a publié une actualité importante pour vous : « ${title} ».`,
    cta: 'Lire l’actualité',
    fallback: 'Si le bouton ne fonctionne pas, copiez cette adresse dans votre navigateur\u00a0:',
    reason: 'Vous recevez ce message parce que vous avez choisi de recevoir les actualités importantes dès leur publication. Changez ce choix dans vos préférences d’actualités.',
  },
  en: {
    subject: (title: string) => `Important: ${title}`,
    preview: 'An important network news post has just been published.',
    hello: (name: string) => `Hello ${name},`,
    body: (title: string) => `The tourist office has published an important news post for you: “${title}”.`,
    cta: 'Read the post',
    fallback: 'If the button does not work, copy this address into your browser:',
    reason: 'You are receiving this message because you chose to receive important news as soon as it is published. Change this choice in your news preferences.',
  },
} as const;

export function NewsImportant(props: NewsImportantProps & { locale: Locale }) {
  const c = copy[props.locale];
  return (
    <Layout locale={props.locale} preview={c.preview} reason={c.reason} homeUrl={props.homeUrl}>
      <Heading1>{c.hello(props.recipientName)}</Heading1>
      <Text style={paragraph}>{c.body(props.title)}</Text>
      {props.summary ? <Text style={paragraph}>{props.summary}</Text> : null}
      <CallToAction href={props.postUrl} label={c.cta} fallback={c.fallback} />
    </Layout>
  );
}

export const newsImportantSubject = (p: NewsImportantProps, locale: Locale) => copy[locale].subject(p.title);
