import { Text } from '@react-email/components';
import { CallToAction, Heading1, Layout, paragraph, type Locale } from '../layout';

export interface DocumentReviewProps {
  recipientName: string;
  title: string;
  /** The review date that has come (YYYY-MM-DD). */
  reviewOn: string;
  documentUrl: string;
  homeUrl: string;
}

const day = (iso: string, locale: Locale) =>
  new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));

const reviewCopy = {
  fr: {
    subject: (title: string) => `Document à revoir : ${title}`,
    preview: 'La date de revue d’un document dont vous êtes responsable est arrivée.',
    hello: (name: string) => `Bonjour ${name},`,
    due: (title: string, date: string) => `Le document « ${title} » devait être revu le ${date}. Vérifiez qu’il est toujours à jour : déposez une nouvelle version, changez sa date de revue ou archivez-le.`,
    cta: 'Ouvrir le document',
    fallback: 'Si le bouton ne fonctionne pas, copiez cette adresse dans votre navigateur\u00a0:',
    reason: 'Vous recevez ce message parce que vous êtes responsable de ce document dans le centre de ressources.',
  },
  en: {
    subject: (title: string) => `Document to review: ${title}`,
    preview: 'The review date of a document you are responsible for has come.',
    hello: (name: string) => `Hello ${name},`,
    due: (title: string, date: string) => `The document “${title}” was due for review on ${date}. Check that it is still up to date: upload a new version, change its review date or archive it.`,
    cta: 'Open the document',
    fallback: 'If the button does not work, copy this address into your browser:',
    reason: 'You are receiving this message because you are responsible for this document in the resource centre.',
  },
} as const;

export function DocumentReview(props: DocumentReviewProps & { locale: Locale }) {
  const c = reviewCopy[props.locale];
  return (
    <Layout locale={props.locale} preview={c.preview} reason={c.reason} homeUrl={props.homeUrl}>
      <Heading1>{c.hello(props.recipientName)}</Heading1>
      <Text style={paragraph}>{c.due(props.title, day(props.reviewOn, props.locale))}</Text>
      <CallToAction href={props.documentUrl} label={c.cta} fallback={c.fallback} />
    </Layout>
  );
}

export const documentReviewSubject = (p: DocumentReviewProps, locale: Locale) => reviewCopy[locale].subject(p.title);
