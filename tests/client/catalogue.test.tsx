import { describe, expect, it } from 'vitest';
import { catalogues } from '../../client/i18n';
// The registry adds every feature's namespace to `catalogues`: without it only `common` would be read.
import { features } from '../../client/features';

type Entry = [key: string, value: string];

function entries(obj: object, prefix = ''): Entry[] {
  return Object.entries(obj).flatMap(([k, v]): Entry[] =>
    typeof v === 'object' && v !== null ? entries(v, `${prefix}${k}.`) : typeof v === 'string' ? [[`${prefix}${k}`, v]] : [],
  );
}

async function all(locale: 'fr' | 'en'): Promise<Entry[]> {
  const out: Entry[] = [];
  for (const [namespace, loaders] of Object.entries(catalogues)) {
    for (const [k, v] of entries((await loaders[locale]()).default)) out.push([`${namespace}:${k}`, v]);
  }
  return out;
}

/** Typography belongs to the locale: checked here, once, for every string of every namespace. */
describe('catalogue typography and plurals', () => {
  it('reads every feature\'s namespace, not only common', () => {
    expect(Object.keys(catalogues).sort()).toEqual(['common', ...features.map((f) => f.name)].sort());
  });

  it('has no space before a colon, semicolon, question or exclamation mark in English', async () => {
    const bad = (await all('en')).filter(([, v]) => /\s[:;?!](\s|$)/u.test(v));
    expect(bad).toEqual([]);
  });

  it('puts a no-break space (never a plain one, never none) before : ; ? ! in French', async () => {
    const bad = (await all('fr')).filter(([, v]) => / [:;?!](\s|$)|[^\s\u00a0\u202f][:;?!](\s|$)/u.test(v));
    expect(bad).toEqual([]);
  });

  it('writes plurals and agreement with plural forms, never « (s) » or « (e) »', async () => {
    const bad = [...(await all('fr')), ...(await all('en'))].filter(([, v]) => /\((s|e|es)\)/u.test(v));
    expect(bad).toEqual([]);
  });
});

describe('reference data in both languages', () => {
  it('has a French and an English label for every establishment category and sub-category', async () => {
    const { categories } = await import('../../db/seed/reference');
    const fr = (await import('../../client/features/accounts/locales/fr.json')).default.reference;
    const en = (await import('../../client/features/accounts/locales/en.json')).default.reference;
    const missing: string[] = [];
    for (const c of categories) {
      for (const [locale, ref] of [['fr', fr], ['en', en]] as const) {
        if (!(ref.categories as Record<string, string>)[c.id]) missing.push(`${locale}:categories.${c.id}`);
        for (const s of c.subcategories) if (!(ref.subcategories as Record<string, string>)[s.id]) missing.push(`${locale}:subcategories.${s.id}`);
      }
      // The French catalogue says what the reference data says.
      expect((fr.categories as Record<string, string>)[c.id]).toBe(c.label);
    }
    expect(missing).toEqual([]);
  });
});
