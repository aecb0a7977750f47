import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { validationMessage } from '../../server/i18n';
import { messages as serverMessages } from '../../server/messages';

/**
 * The server's messages and the e-mail templates' copy follow the rules of
 * the client's catalogues (tests/client/catalogue.test.tsx): plurals and
 * agreement written out, never « (s) » or « (e) »; no space before a colon
 * in English, a no-break one in French.
 */

const WRITTEN_OUT = /\((s|e|es)\)/u;
const ENGLISH_SPACE_BEFORE_PUNCTUATION = /\s[:;?!](\s|$)/u;
/** A plain space (the line may break before the mark) or none at all. */
const FRENCH_WITHOUT_NO_BREAK_SPACE = / [:;?!](\s|$)|[^\s\u00a0\u202f][:;?!](\s|$)/u;

type Copy = { where: string; locale: 'fr' | 'en'; text: string };

/** Every string and template-literal piece under each `fr:` / `en:` property of the templates' source. */
function templateCopy(): Copy[] {
  const root = 'emails/templates';
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.tsx') || f.endsWith('.ts'));
  const out: Copy[] = [];
  for (const file of files) {
    const path = join(root, file);
    const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
    const visit = (node: ts.Node, locale: Copy['locale'] | null) => {
      let here = locale;
      if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && (node.name.text === 'fr' || node.name.text === 'en')) here = node.name.text;
      if (here && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node))) out.push({ where: path, locale: here, text: node.text });
      if (here && ts.isTemplateExpression(node)) {
        out.push({ where: path, locale: here, text: [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join('…') });
      }
      ts.forEachChild(node, (child) => visit(child, here));
    };
    visit(source, null);
  }
  return out;
}

describe('server messages and e-mail copy', () => {
  const messages: Copy[] = Object.entries(serverMessages).flatMap(([key, text]) => [
    { where: key, locale: 'fr' as const, text: text.fr },
    { where: key, locale: 'en' as const, text: text.en },
  ]);
  const templates = templateCopy();

  it('finds the copy it checks', () => {
    expect(messages.length).toBeGreaterThan(80);
    // Each template file has French and English copy.
    expect(templates.filter((c) => c.locale === 'fr').length).toBeGreaterThan(100);
    expect(templates.filter((c) => c.locale === 'en').length).toBeGreaterThan(100);
  });

  // Every keyword's text (with a limit of 1 and of 2, for the plurals) and every reason a text is refused.
  const validation: Copy[] = [
    ...['required', 'minLength', 'maxLength', 'minimum', 'maximum', 'minItems', 'maxItems', 'type', 'format', 'enum', 'pattern', 'additionalProperties', 'uniqueItems']
      .flatMap((keyword) => [1, 2].map((limit) => ({ keyword, params: { limit, type: 'string', format: 'email', additionalProperty: 'sms' } }))),
    ...['lineBreak', 'bidi', 'invisible', 'malformed', 'control'].map((reason) => ({ keyword: 'text', params: { reason } })),
  ].flatMap(({ keyword, params }) => (['fr', 'en'] as const).map((locale) => ({ where: keyword, locale, text: validationMessage(keyword, params, locale) })));

  it('writes plurals and agreement out, never « (s) » or « (e) »', () => {
    expect([...messages, ...validation, ...templates].filter((c) => WRITTEN_OUT.test(c.text))).toEqual([]);
  });

  it('puts no space before a colon, semicolon, question or exclamation mark in English', () => {
    expect([...messages, ...validation, ...templates].filter((c) => c.locale === 'en' && ENGLISH_SPACE_BEFORE_PUNCTUATION.test(c.text))).toEqual([]);
  });

  it('puts a no-break space (never a plain one, never none) before : ; ? ! in French', () => {
    expect([...messages, ...validation, ...templates].filter((c) => c.locale === 'fr' && FRENCH_WITHOUT_NO_BREAK_SPACE.test(c.text))).toEqual([]);
  });
});
