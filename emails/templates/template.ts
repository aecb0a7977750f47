import type { ComponentType } from 'react';
import type { Locale } from './layout';

/** One mail template: its React Email component and its subject line, both in the recipient's language. */
export interface TemplateDefinition<P> {
  component: ComponentType<P & { locale: Locale }>;
  subject: (props: P, locale: Locale) => string;
}

/** Types a template's entry by its props (each feature's index lists its templates by name). */
export const defineTemplate = <P>(d: TemplateDefinition<P>): TemplateDefinition<P> => d;
