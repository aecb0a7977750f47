import { createElement } from 'react';
import { render as renderReactEmail } from '@react-email/components';
import type { Locale } from './templates/layout';
import type { TemplateDefinition } from './templates/template';
import { accountsTemplates } from './templates/accounts';
import { trainingsTemplates } from './templates/trainings';
import { documentsTemplates } from './templates/documents';
import { figuresTemplates } from './templates/figures';
import { newsTemplates } from './templates/news';
import { newsParticipationTemplates } from './templates/news-participation';
import { newslettersTemplates } from './templates/newsletters';

export type { Locale };

/**
 * The features' mail templates, in order: each feature's
 * emails/templates/<feature>/index.ts lists its templates by name. Adding a
 * feature adds one line here.
 */
const features = [
  accountsTemplates,
  trainingsTemplates,
  documentsTemplates,
  figuresTemplates,
  newsTemplates,
  newsParticipationTemplates,
  newslettersTemplates,
] as const;

type FeatureTemplates = (typeof features)[number];
type KeysOf<T> = T extends unknown ? keyof T & string : never;

/** The name of every mail template (as stored in mail_messages.template): a typed union, built from the table below. */
export type TemplateName = KeysOf<FeatureTemplates>;

/** Template name -> component and subject. */
export const templates = Object.assign({}, ...features) as { [N in TemplateName]: Extract<FeatureTemplates, Record<N, unknown>>[N] };
// A name claimed by two features would silently shadow one template.
if (Object.keys(templates).length !== features.reduce((n, f) => n + Object.keys(f).length, 0)) {
  throw new Error('emails/render.ts: two features define the same mail template name');
}

/** Distributive, so that a `{ template, props }` union (see workers' compose) type-checks as a whole. */
export type TemplateProps<N extends TemplateName> = N extends TemplateName ? ((typeof templates)[N] extends TemplateDefinition<infer P> ? P : never) : never;

export interface RenderedMail {
  subject: string;
  html: string;
  /** Plain-text alternative: every message has one. */
  text: string;
}

export function isTemplateName(name: string): name is TemplateName {
  return Object.hasOwn(templates, name);
}

/** Renders a template to subject, HTML and plain text, in the recipient's language. Pure: no I/O. */
export async function render<N extends TemplateName>(template: N, props: TemplateProps<N>, locale: Locale): Promise<RenderedMail> {
  const definition = templates[template] as unknown as TemplateDefinition<TemplateProps<N>>;
  const element = createElement(definition.component, { ...(props as TemplateProps<N> & object), locale });
  const [html, text] = await Promise.all([
    renderReactEmail(element),
    renderReactEmail(element, { plainText: true, htmlToTextOptions: { wordwrap: 78, selectors: [{ selector: 'h1', options: { uppercase: false } }] } }),
  ]);
  return { subject: definition.subject(props, locale), html, text: text.trim() + '\n' };
}
