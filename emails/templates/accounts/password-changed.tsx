import { formatDateTime } from '../layout';
import { defineLetter, type LetterRecipient } from '../letter';

export interface PasswordChangedProps extends LetterRecipient {
  email: string;
  changedAt: Date | string;
  /** The "forgotten password" page, to take the account back if the change was not theirs. */
  forgotLink: string;
}

const copy = {
  fr: {
    subject: 'Votre mot de passe Espace Pro a été modifié',
    preview: 'Le mot de passe de votre compte vient d’être changé.',
    changed: (email: string, date: string) => `Le mot de passe du compte Espace Pro ${email} a été modifié le ${date}.`,
    sessions: 'Par sécurité, vos autres sessions ont été déconnectées.',
    notYou: 'Ce n’est pas vous\u00a0? Réinitialisez tout de suite votre mot de passe, puis prévenez l’office de tourisme.',
    cta: 'Réinitialiser mon mot de passe',
    fine: 'Si c’est bien vous, vous n’avez rien d’autre à faire.',
    reason: 'Vous recevez ce message de sécurité parce que le mot de passe de votre compte a changé\u00a0; il ne peut pas être désactivé.',
  },
  en: {
    subject: 'Your Espace Pro password was changed',
    preview: 'The password of your account has just been changed.',
    changed: (email: string, date: string) => `The password of the Espace Pro account ${email} was changed on ${date}.`,
    sessions: 'For your security, your other sessions have been signed out.',
    notYou: 'Not you? Reset your password straight away, then let the tourist office know.',
    cta: 'Reset my password',
    fine: 'If it was you, there is nothing else to do.',
    reason: 'You are receiving this security message because the password of your account changed; it cannot be turned off.',
  },
};

export const passwordChanged = defineLetter({
  copy,
  letter: (p: PasswordChangedProps, c, locale) => ({
    blocks: [c.changed(p.email, formatDateTime(p.changedAt, locale)), c.sessions, c.notYou],
    action: { href: p.forgotLink, label: c.cta },
    note: c.fine,
  }),
});
