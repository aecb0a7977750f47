import { createElement, type ComponentType } from 'react';
import { render as renderReactEmail } from '@react-email/components';
import { Invitation, invitationSubject, type InvitationProps } from './templates/invitation';
import type { Locale } from './templates/layout';
import { PasswordChanged, passwordChangedSubject, type PasswordChangedProps } from './templates/password-changed';
import { PasswordReset, passwordResetSubject, type PasswordResetProps } from './templates/password-reset';
import { trainingTemplates } from './templates/trainings';
import { DocumentReview, documentReviewSubject, type DocumentReviewProps } from './templates/documents';

export type { Locale };
export type { InvitationProps, PasswordChangedProps, PasswordResetProps };

interface TemplateDefinition<P> {
  component: ComponentType<P & { locale: Locale }>;
  subject: (props: P, locale: Locale) => string;
}

const define = <P>(d: TemplateDefinition<P>) => d;

/** Template name (as stored in mail_messages.template) -> component and subject. */
export const templates = {
  invitation: define<InvitationProps>({ component: Invitation, subject: invitationSubject }),
  'password-reset': define<PasswordResetProps>({ component: PasswordReset, subject: passwordResetSubject }),
  'password-changed': define<PasswordChangedProps>({ component: PasswordChanged, subject: passwordChangedSubject }),
  ...trainingTemplates,
  'document-review': define<DocumentReviewProps>({ component: DocumentReview, subject: documentReviewSubject }),
};

export type TemplateName = keyof typeof templates;
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
