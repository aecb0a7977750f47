import { formatDateTime } from '../layout';
import { defineLetter, type LetterRecipient } from '../letter';

export interface PasswordResetProps extends LetterRecipient {
  /** One-time link to choose a new password. */
  link: string;
  expiresAt: Date | string;
}

const copy = {
  fr: {
    subject: 'Réinitialisation de votre mot de passe Espace Pro',
    preview: 'Choisissez un nouveau mot de passe pour votre compte Espace Pro.',
    intro: 'Nous avons reçu une demande de réinitialisation du mot de passe de votre compte Espace Pro.',
    cta: 'Choisir un nouveau mot de passe',
    validity: (date: string) => `Ce lien est valable jusqu’au ${date} et ne sert qu’une fois. Toutes vos sessions seront ensuite déconnectées.`,
    ignore: 'Vous n’êtes pas à l’origine de cette demande\u00a0? Ignorez ce message\u00a0: votre mot de passe actuel reste valable.',
    reason: 'Vous recevez ce message parce qu’une réinitialisation du mot de passe a été demandée pour votre compte Espace Pro.',
  },
  en: {
    subject: 'Reset your Espace Pro password',
    preview: 'Choose a new password for your Espace Pro account.',
    intro: 'We received a request to reset the password of your Espace Pro account.',
    cta: 'Choose a new password',
    validity: (date: string) => `This link is valid until ${date} and can be used only once. All your sessions will then be signed out.`,
    ignore: 'Did not ask for this? Ignore this message: your current password remains valid.',
    reason: 'You are receiving this message because a password reset was requested for your Espace Pro account.',
  },
};

export const passwordReset = defineLetter({
  copy,
  letter: (p: PasswordResetProps, c, locale) => ({
    blocks: [c.intro],
    action: { href: p.link, label: c.cta },
    after: [c.validity(formatDateTime(p.expiresAt, locale))],
    note: c.ignore,
  }),
});
