import { defineLetter, type LetterRecipient } from '../letter';

export interface DocumentPublishedProps extends LetterRecipient {
  title: string;
  folderName: string;
  documentUrl: string;
}

const copy = {
  fr: {
    subject: (folder: string) => `Nouveau document dans « ${folder} »`,
    preview: 'Un document vient d’être publié dans un dossier que vous suivez.',
    body: (title: string, folder: string) => `Le document « ${title} » vient d’être publié dans le dossier « ${folder} », que vous suivez dans le centre de ressources.`,
    cta: 'Voir le document',
    reason: 'Vous recevez ce message parce que vous suivez ce dossier. Pour ne plus le recevoir, cessez de le suivre ou désactivez les e-mails du centre de ressources dans votre profil.',
  },
  en: {
    subject: (folder: string) => `New document in “${folder}”`,
    preview: 'A document has just been published in a folder you follow.',
    body: (title: string, folder: string) => `The document “${title}” has just been published in the folder “${folder}”, which you follow in the resource centre.`,
    cta: 'View the document',
    reason: 'You are receiving this message because you follow this folder. To stop it, unfollow the folder or turn off resource-centre e-mails in your profile.',
  },
};

export const documentPublished = defineLetter({
  copy,
  subject: (p: DocumentPublishedProps, c) => c.subject(p.folderName),
  letter: (p, c) => ({ blocks: [c.body(p.title, p.folderName)], action: { href: p.documentUrl, label: c.cta } }),
});
