import type { Locale } from '../../common/format';

/** Log-in, one-time links and passwords. */
export const authMessages = {
  'auth.invalidCredentials': { fr: 'Adresse e-mail ou mot de passe incorrect.', en: 'Incorrect e-mail address or password.' },
  'auth.invalidToken': { fr: 'Ce lien n’est plus valide. Il a peut-être déjà servi ou expiré.', en: 'This link is no longer valid. It may have been used or have expired.' },
  'auth.malformedLink': { fr: 'Ce lien n’est pas valide. Vérifiez qu’il a été copié en entier, ou demandez-en un nouveau à l’office de tourisme.', en: 'This link is not valid. Check that it was copied in full, or ask the tourist office for a new one.' },
  'auth.passwordTooShort': { fr: 'Le mot de passe doit contenir au moins 12 caractères.', en: 'The password must be at least 12 characters long.' },
  'auth.passwordCommon': { fr: 'Ce mot de passe est trop courant. Choisissez-en un autre.', en: 'This password is too common. Please choose another.' },
  'auth.wrongCurrentPassword': { fr: 'Le mot de passe actuel est incorrect.', en: 'The current password is incorrect.' },
  'auth.realNameRequired': { fr: 'Indiquez votre nom : il signe les e-mails que vous envoyez depuis l’Espace Pro.', en: 'Enter your name: it signs the e-mails you send from Espace Pro.' },
} as const satisfies Record<`auth.${string}`, Record<Locale, string>>;
