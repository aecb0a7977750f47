import { Text } from '@react-email/components';
import { CallToAction, Heading1, Layout, paragraph, type Locale } from '../layout';

export interface DocumentPublishedProps {
  recipientName: string;
  title: string;
  folderName: string;
  documentUrl: string;
  homeUrl: string;
}

const copy = {
  fr: {
    subject: (folder: string) => `Nouveau document dans « ${folder} »`,
    preview: 'Un document vient d’être publié dans un dossier que vous suivez.',
    hello: (name: string) => `Bonjour ${name},`,
    body: (title: string, folder: string) => `Le document « ${title} » vient d’être publié dans le dossier « ${folder} », que vous suivez dans le centre de ressources.`,
    cta: 'Voir le document',
    fallback: 'Si le bouton ne fonctionne pas, copiez cette adresse dans votre navigateur\u00a0:',
    reason: 'Vous recevez ce message parce que vous suivez ce dossier. Pour ne plus le recevoir, cessez de le suivre ou désactivez les e-mails du centre de ressources dans votre profil.',
  },
  en: {
    subject: (folder: string) => `New document in “${folder}”`,
    preview: 'A document has just been published in a folder you follow.',
    hello: (name: string) => `Hello ${name},`,
    body: (title: string, folder: string) => `The document “${title}” has just been published in the folder “${folder}”, which you follow in the resource centre.`,
    cta: 'View the document',
    fallback: 'If the button does not work, copy this address into your browser:',
    reason: 'You are receiving this message because you follow this folder. To stop it, unfollow the folder or turn off resource-centre e-mails in your profile.',
  },
} as const;

export function DocumentPublished(props: DocumentPublishedProps & { locale: Locale }) {
  const c = copy[props.locale];
  return (
    <Layout locale={props.locale} preview={c.preview} reason={c.reason} homeUrl={props.homeUrl}>
      <Heading1>{c.hello(props.recipientName)}</Heading1>
      <Text style={paragraph}>{c.body(props.title, props.folderName)}</Text>
      <CallToAction href={props.documentUrl} label={c.cta} fallback={c.fallback} />
    </Layout>
  );
}

export const documentPublishedSubject = (p: DocumentPublishedProps, locale: Locale) => copy[locale].subject(p.folderName);
