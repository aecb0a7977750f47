import { createElement } from 'react';
import { render as renderReactEmail, Link, Section, Text } from '@react-email/components';
import { colors, Layout, type Locale } from '../layout';
import { fillFields, prepareFields, type FieldValues, type PreparedBody } from './fields';

/**
 * A newsletter: the campaign's sanitised body in the shared frame, with the
 * topic it was sent for and the unsubscribe link in the footer. No tracking
 * pixel (CNIL: not without consent). Rendered once per campaign and language
 * (`renderNewsletter`); each recipient's unsubscribe URL replaces
 * UNSUBSCRIBE_PLACEHOLDER and their personal fields the markers (fields.ts),
 * so 100,000 mails cost one render. The web archive renders it without the
 * footer's links (`archive`), personal fields at their fallbacks.
 */
export interface NewsletterProps {
  subject: string;
  preheader: string;
  /** Sanitised HTML (server/services/newsletters sanitises it before it is stored). */
  bodyHtml: string;
  topicName: string;
  homeUrl: string;
  preferencesUrl: string;
  /** Web archive: no unsubscribe or preferences link (nothing personal in a page shared by all). */
  archive?: boolean;
  /** A test send's real link (the campaign's mails get the placeholder, replaced per recipient). */
  unsubscribeUrl?: string;
}

export const UNSUBSCRIBE_PLACEHOLDER = 'https://unsubscribe.placeholder.invalid/x';

/** Images fill the column on a phone and keep their proportions (the sanitised body carries no style attribute). */
const IMAGE_STYLE = 'max-width:100%;height:auto;display:block;border:0;margin:12px 0';
const responsiveImages = (html: string) => html.replace(/<img /g, `<img style="${IMAGE_STYLE}" `);

const copy = {
  fr: {
    archiveReason: (topic: string) => `Lettre « ${topic} » de l’office de tourisme, archivée pour les professionnels du réseau.`,
    reason: (topic: string) => `Vous recevez cette lettre parce que vous êtes abonné·e au thème « ${topic} ».`,
    unsubscribe: 'Se désabonner en un clic',
    preferences: 'Choisir mes lettres',
  },
  en: {
    archiveReason: (topic: string) => `« ${topic} » letter from the tourist office, archived for the network's professionals.`,
    reason: (topic: string) => `You receive this letter because you subscribed to « ${topic} ».`,
    unsubscribe: 'Unsubscribe in one click',
    preferences: 'Choose my letters',
  },
} as const;

export function Newsletter(props: NewsletterProps & { locale: Locale }) {
  const c = copy[props.locale];
  return (
    <Layout locale={props.locale} preview={props.preheader || props.subject} reason={props.archive ? c.archiveReason(props.topicName) : c.reason(props.topicName)} homeUrl={props.homeUrl}>
      <Section>
        <div dangerouslySetInnerHTML={{ __html: responsiveImages(props.bodyHtml) }} style={{ fontSize: '16px', lineHeight: '24px', color: colors.text }} />
      </Section>
      {props.archive ? null : <Text style={{ fontSize: '13px', lineHeight: '20px', color: colors.muted, marginTop: '24px' }}>
        <Link href={props.unsubscribeUrl ?? UNSUBSCRIBE_PLACEHOLDER} style={{ color: colors.green, textDecoration: 'underline' }}>{c.unsubscribe}</Link>
        {' · '}
        <Link href={props.preferencesUrl} style={{ color: colors.green, textDecoration: 'underline' }}>{c.preferences}</Link>
      </Text>}
    </Layout>
  );
}

export interface RenderedNewsletter {
  html: string;
  text: string;
  /** The personal fields whose markers the recipient's copy fills. */
  fields: PreparedBody['fields'];
}

export async function renderNewsletter(props: NewsletterProps, locale: Locale): Promise<RenderedNewsletter> {
  const prepared = prepareFields(props.bodyHtml);
  const element = createElement(Newsletter, { ...props, bodyHtml: prepared.html, locale });
  const [html, text] = await Promise.all([
    renderReactEmail(element),
    renderReactEmail(element, { plainText: true, htmlToTextOptions: { wordwrap: 78 } }),
  ]);
  return { html, text: text.trim() + '\n', fields: prepared.fields };
}

/**
 * The recipient's copy: the placeholder replaced by their unsubscribe URL
 * (base64url and a slug: nothing to escape), the personal fields by their
 * values, escaped (fields.ts).
 */
export function personalise(rendered: RenderedNewsletter, unsubscribeUrl: string, values: FieldValues = {}): { html: string; text: string } {
  return fillFields({ html: rendered.html.split(UNSUBSCRIBE_PLACEHOLDER).join(unsubscribeUrl), text: rendered.text.split(UNSUBSCRIBE_PLACEHOLDER).join(unsubscribeUrl) }, rendered.fields, values);
}

/** A body with its fields already filled (a test send, the archive): the template then renders it as it is. */
export function fillBodyFields(bodyHtml: string, values: FieldValues): string {
  const prepared = prepareFields(bodyHtml);
  return fillFields({ html: prepared.html, text: '' }, prepared.fields, values).html;
}

/** The test send to the author (through the mail outbox): the same letter, its subject marked [TEST], the author's own fields filled in. */
export const newsletterTestSubject = (p: NewsletterProps, _locale: Locale) => `[TEST] ${p.subject}`;
