import { Text } from '@react-email/components';
import { CallToAction, Heading1, Layout, Notice, formatDateTime, paragraph, type Locale } from '../layout';

export interface PasswordResetProps {
  recipientName: string;
  /** One-time link to choose a new password. */
  link: string;
  expiresAt: Date | string;
  homeUrl: string;
}

const copy = {
  fr: {
    subject: 'Réinitialisation de votre mot de passe Espace Pro',
    preview: 'Choisissez un nouveau mot de passe pour votre compte Espace Pro.',
    hello: (name: string) => `Bonjour ${name},`,
    intro: 'Nous avons reçu une demande de réinitialisation du mot de passe de votre compte Espace Pro.',
    cta: 'Choisir un nouveau mot de passe',
    fallback: 'Si le bouton ne fonctionne pas, copiez cette adresse dans votre navigateur\u00a0:',
    validity: (date: string) => `Ce lien est valable jusqu’au ${date} et ne sert qu’une fois. Toutes vos sessions seront ensuite déconnectées.`,
    ignore: 'Vous n’êtes pas à l’origine de cette demande\u00a0? Ignorez ce message\u00a0: votre mot de passe actuel reste valable.',
    reason: 'Vous recevez ce message parce qu’une réinitialisation du mot de passe a été demandée pour votre compte Espace Pro.',
  },
  en: {
    subject: 'Reset your Espace Pro password',
    preview: 'Choose a new password for your Espace Pro account.',
    hello: (name: string) => `Hello ${name},`,
    intro: 'We received a request to reset the password of your Espace Pro account.',
    cta: 'Choose a new password',
    fallback: 'If the button does not work, copy this address into your browser:',
    validity: (date: string) => `This link is valid until ${date} and can be used only once. All your sessions will then be signed out.`,
    ignore: 'Did not ask for this? Ignore this message: your current password remains valid.',
    reason: 'You are receiving this message because a password reset was requested for your Espace Pro account.',
  },
} as const;

export function passwordResetSubject(_props: PasswordResetProps, locale: Locale): string {
  return copy[locale].subject;
}

export function PasswordReset(props: PasswordResetProps & { locale: Locale }) {
  const c = copy[props.locale];
  return (
    <Layout locale={props.locale} preview={c.preview} reason={c.reason} homeUrl={props.homeUrl}>
      <Heading1>{c.hello(props.recipientName)}</Heading1>
      <Text style={paragraph}>{c.intro}</Text>
      <CallToAction href={props.link} label={c.cta} fallback={c.fallback} />
      <Text style={paragraph}>{c.validity(formatDateTime(props.expiresAt, props.locale))}</Text>
      <Notice>{c.ignore}</Notice>
    </Layout>
  );
}
