import { Fragment, type ReactElement } from 'react';
import { Text } from '@react-email/components';
import { CallToAction, Heading1, Layout, Notice, paragraph, type Locale } from './layout';
import type { TemplateDefinition } from './template';

/**
 * One block of a mail's body: a paragraph of text, a bold paragraph, or an
 * element (a session card). `null` and `false` are left out, so that an
 * optional paragraph is written `cond && text`.
 */
export type Block = string | { bold: string } | ReactElement | null | false;

/** The greeting and the line before a button's raw link, the same in every mail. */
const letterCopy = {
  fr: { hello: (name: string) => `Bonjour ${name},`, fallback: 'Si le bouton ne fonctionne pas, copiez cette adresse dans votre navigateur\u00a0:' },
  en: { hello: (name: string) => `Hello ${name},`, fallback: 'If the button does not work, copy this address into your browser:' },
} as const;

export interface LetterProps {
  locale: Locale;
  /** Inbox preview line. */
  preview: string;
  /** Why the recipient receives this mail (footer). */
  reason: string;
  homeUrl: string;
  /** The recipient's name, greeted in the mail's heading. */
  name: string;
  /** What comes before the button. */
  blocks: Block[];
  /** The main call to action (followed by its raw link). */
  action?: { href: string; label: string };
  /** What comes after the button (a validity date). */
  after?: Block[];
  /** A quieter closing remark under a rule. */
  note?: string;
}

function renderBlock(block: Block, i: number) {
  if (block === null || block === false) return null;
  if (typeof block === 'string') return <Text key={i} style={paragraph}>{block}</Text>;
  if ('bold' in block) return <Text key={i} style={{ ...paragraph, fontWeight: 700 }}>{block.bold}</Text>;
  return <Fragment key={i}>{block}</Fragment>;
}

/**
 * The shape every mail of every feature takes: greeting, paragraphs, one
 * button, more paragraphs, a closing note, in the shared frame (./layout.tsx).
 * Templates keep their copy and say only which pieces they use.
 */
export function Letter({ locale, preview, reason, homeUrl, name, blocks, action, after = [], note }: LetterProps) {
  const c = letterCopy[locale];
  return (
    <Layout locale={locale} preview={preview} reason={reason} homeUrl={homeUrl}>
      <Heading1>{c.hello(name)}</Heading1>
      {blocks.map(renderBlock)}
      {action ? <CallToAction href={action.href} label={action.label} fallback={c.fallback} /> : null}
      {after.map(renderBlock)}
      {note ? <Notice>{note}</Notice> : null}
    </Layout>
  );
}

/** Who every letter is written to: the props each template's own props extend. */
export interface LetterRecipient {
  recipientName: string;
  homeUrl: string;
}

type Fixed = 'subject' | 'preview' | 'reason';

/** A copy's `subject`, `preview` or `reason`, when it is one fixed line, is the mail's own unless the template says otherwise. */
type FromCopy<C, K extends Fixed, V> = C extends Record<K, string> ? Partial<Record<K, V>> : Record<K, V>;

/** What a template says in its letter: its pieces (see Letter); the preview and the reason when its copy's are not fixed lines. */
export type LetterBody<C> = Pick<LetterProps, 'blocks' | 'action' | 'after' | 'note'> & FromCopy<C, 'preview', string> & FromCopy<C, 'reason', string>;

export type LetterSpec<P, C> = {
  copy: { fr: C; en: NoInfer<C> };
  letter: (props: P, c: C, locale: Locale) => LetterBody<NoInfer<C>>;
} & FromCopy<NoInfer<C>, 'subject', (props: P, c: C, locale: Locale) => string>;

/**
 * One mail template from its French and English copy: its subject and its
 * letter's pieces, each written once against the recipient's copy (`en` is
 * checked against the keys of `fr`). The greeting, the frame and the footer
 * come from Letter.
 */
export function defineLetter<P extends LetterRecipient, C>(spec: LetterSpec<P, C>): TemplateDefinition<P> {
  // FromCopy has the template give whichever of these its copy does not hold as a fixed line.
  const fixed = (c: C) => c as Partial<Record<Fixed, string>>;
  return {
    component: (props) => {
      const c = spec.copy[props.locale];
      const { preview = fixed(c).preview!, reason = fixed(c).reason!, ...pieces } = spec.letter(props, c, props.locale);
      return <Letter locale={props.locale} preview={preview} reason={reason} homeUrl={props.homeUrl} name={props.recipientName} {...pieces} />;
    },
    subject: (props, locale) => {
      const c = spec.copy[locale];
      return spec.subject ? spec.subject(props, c, locale) : fixed(c).subject!;
    },
  };
}
