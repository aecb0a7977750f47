import { Text } from '@react-email/components';
import { CallToAction, Heading1, Layout, Notice, formatDateTime, paragraph, type Locale } from '../layout';

export interface PasswordChangedProps {
  recipientName: string;
  email: string;
  changedAt: Date | string;
  /** The "forgotten password" page, to take the account back if the change was not theirs. */
  forgotLink: string;
  homeUrl: string;
}

const copy = {
  fr: {
    subject: 'Votre mot de passe Espace Pro a été modifié',
    preview: 'Le mot de passe de votre compte vient d’être changé.',
    hello: (name: string) => `Bonjour ${name},`,
    changed: (email: string, date: string) => `Le mot de passe du compte Espace Pro ${email} a été modifié le ${date}.`,
    sessions: 'Par sécurité, vos autres sessions ont été déconnectées.',
    notYou: 'Ce n’est pas vous\u00a0? Réinitialisez tout de suite votre mot de passe, puis prévenez l’office de tourisme.',
    cta: 'Réinitialiser mon mot de passe',
    fallback: 'Si le bouton ne fonctionne pas, copiez cette adresse dans votre navigateur\u00a0:',
    fine: 'Si c’est bien vous, vous n’avez rien d’autre à faire.',
    reason: 'Vous recevez ce message de sécurité parce que le mot de passe de votre compte a changé\u00a0; il ne peut pas être désactivé.',
  },
  en: {
    subject: 'Your Espace Pro password was changed',
    preview: 'The password of your account has just been changed.',
    hello: (name: string) => `Hello ${name},`,
    changed: (email: string, date: string) => `The password of the Espace Pro account ${email} was changed on ${date}.`,
    sessions: 'For your security, your other sessions have been signed out.',
    notYou: 'Not you? Reset your password straight away, then let the tourist office know.',
    cta: 'Reset my password',
    fallback: 'If the button does not work, copy this address into your browser:',
    fine: 'If it was you, there is nothing else to do.',
    reason: 'You are receiving this security message because the password of your account changed; it cannot be turned off.',
  },
} as const;

export function passwordChangedSubject(_props: PasswordChangedProps, locale: Locale): string {
  return copy[locale].subject;
}

export function PasswordChanged(props: PasswordChangedProps & { locale: Locale }) {
  const c = copy[props.locale];
  return (
    <Layout locale={props.locale} preview={c.preview} reason={c.reason} homeUrl={props.homeUrl}>
      <Heading1>{c.hello(props.recipientName)}</Heading1>
      <Text style={paragraph}>{c.changed(props.email, formatDateTime(props.changedAt, props.locale))}</Text>
      <Text style={paragraph}>{c.sessions}</Text>
      <Text style={paragraph}>{c.notYou}</Text>
      <CallToAction href={props.forgotLink} label={c.cta} fallback={c.fallback} />
      <Notice>{c.fine}</Notice>
    </Layout>
  );
}
