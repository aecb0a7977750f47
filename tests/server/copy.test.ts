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
 * in English.
 */

const WRITTEN_OUT = /\((s|e|es)\)/u;
const ENGLISH_SPACE_BEFORE_PUNCTUATION = /\s[:;?!](\s|$)/u;

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

  it('writes plurals and agreement out, never « (s) » or « (e) »', () => {
    const validation = ['minItems', 'maxItems', 'minLength', 'maxLength'].flatMap((keyword) =>
      [1, 2].flatMap((limit) => (['fr', 'en'] as const).map((locale) => ({ where: keyword, locale, text: validationMessage(keyword, { limit }, locale) }))),
    );
    expect([...messages, ...validation, ...templates].filter((c) => WRITTEN_OUT.test(c.text))).toEqual([]);
  });

  it('puts no space before a colon, semicolon, question or exclamation mark in English', () => {
    expect([...messages, ...templates].filter((c) => c.locale === 'en' && ENGLISH_SPACE_BEFORE_PUNCTUATION.test(c.text))).toEqual([]);
  });
});
