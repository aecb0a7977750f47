import { createElement } from 'react';
import { render as renderReactEmail, Link, Section, Text } from '@react-email/components';
import { colors, Layout, type Locale } from '../layout';

/**
 * A newsletter: the campaign's sanitised body in the shared frame, with the
 * topic it was sent for and the unsubscribe link in the footer. No tracking
 * pixel (CNIL: not without consent). Rendered once per campaign and language
 * (`renderNewsletter`); each recipient's unsubscribe URL replaces
 * UNSUBSCRIBE_PLACEHOLDER, so 100,000 mails cost one render.
 */
export interface NewsletterProps {
  subject: string;
  preheader: string;
  /** Sanitised HTML (server/services/newsletters sanitises it before it is stored). */
  bodyHtml: string;
  topicName: string;
  homeUrl: string;
  preferencesUrl: string;
}

export const UNSUBSCRIBE_PLACEHOLDER = 'https://unsubscribe.placeholder.invalid/x';

const copy = {
  fr: {
    reason: (topic: string) => `Vous recevez cette lettre parce que vous êtes abonné·e au thème « ${topic} ».`,
    unsubscribe: 'Se désabonner en un clic',
    preferences: 'Choisir mes lettres',
  },
  en: {
    reason: (topic: string) => `You receive this letter because you subscribed to « ${topic} ».`,
    unsubscribe: 'Unsubscribe in one click',
    preferences: 'Choose my letters',
  },
} as const;

export function Newsletter(props: NewsletterProps & { locale: Locale }) {
  const c = copy[props.locale];
  return (
    <Layout locale={props.locale} preview={props.preheader || props.subject} reason={c.reason(props.topicName)} homeUrl={props.homeUrl}>
      <Section>
        <div dangerouslySetInnerHTML={{ __html: props.bodyHtml }} style={{ fontSize: '16px', lineHeight: '24px', color: colors.text }} />
      </Section>
      <Text style={{ fontSize: '13px', lineHeight: '20px', color: colors.muted, marginTop: '24px' }}>
        <Link href={UNSUBSCRIBE_PLACEHOLDER} style={{ color: colors.green, textDecoration: 'underline' }}>{c.unsubscribe}</Link>
        {' · '}
        <Link href={props.preferencesUrl} style={{ color: colors.green, textDecoration: 'underline' }}>{c.preferences}</Link>
      </Text>
    </Layout>
  );
}

export interface RenderedNewsletter {
  html: string;
  text: string;
}

export async function renderNewsletter(props: NewsletterProps, locale: Locale): Promise<RenderedNewsletter> {
  const element = createElement(Newsletter, { ...props, locale });
  const [html, text] = await Promise.all([
    renderReactEmail(element),
    renderReactEmail(element, { plainText: true, htmlToTextOptions: { wordwrap: 78 } }),
  ]);
  return { html, text: text.trim() + '\n' };
}

/** The recipient's copy: the placeholder replaced by their unsubscribe URL (base64url and a slug: nothing to escape). */
export function personalise(rendered: RenderedNewsletter, unsubscribeUrl: string): RenderedNewsletter {
  return { html: rendered.html.split(UNSUBSCRIBE_PLACEHOLDER).join(unsubscribeUrl), text: rendered.text.split(UNSUBSCRIBE_PLACEHOLDER).join(unsubscribeUrl) };
}
