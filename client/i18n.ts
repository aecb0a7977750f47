import i18n, { type BackendModule } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LANGUAGES, type Language } from '../common/accounts';
import fr from './locales/fr.json';
import { setApiLanguage } from './lib/api';
import { setFormatLocale } from './lib/locale';

export { LANGUAGES, type Language };
const STORAGE_KEY = 'ep.language';

type Load = () => Promise<{ default: object }>;

/**
 * Where each namespace's strings come from: `common` (shell, navigation, errors, shared fields and
 * validation) is here, French shipping with the app; each feature adds its own namespace
 * (client/features/index.ts), fetched with its pages. The namespaces' types are declared there too.
 */
export const catalogues: Record<string, Record<Language, Load>> = {
  common: { fr: async () => ({ default: fr }), en: () => import('./locales/en.json') },
};

/** Registers the features' catalogues (called once by the feature registry). */
export function addNamespaces(features: readonly { name: string; catalogue: Record<Language, Load> }[]): void {
  for (const feature of features) catalogues[feature.name] = feature.catalogue;
}

/** i18next asks for a namespace in a language (a page opening, a language switch): dynamic import of its file. */
const backend: BackendModule = {
  type: 'backend',
  init() {},
  read(language, namespace, callback) {
    const load = isLanguage(language) ? catalogues[namespace]?.[language] : undefined;
    if (!load) {
      callback(new Error(`No catalogue for ${namespace} in ${language}`), false);
      return;
    }
    load().then(
      (module) => callback(null, module.default as Record<string, unknown>),
      (error: Error) => callback(error, false),
    );
  },
};

export function isLanguage(value: unknown): value is Language {
  return LANGUAGES.some((language) => language === value);
}

/**
 * Before we know the user: a page opened from an e-mail carries the mail's language (`?lang=en`);
 * else the language chosen earlier on this device; else the browser's first language we have; else French.
 */
function initialLanguageOf(): Language {
  try {
    const fromLink = new URLSearchParams(window.location.search).get('lang');
    if (isLanguage(fromLink)) return fromLink;
  } catch {
    // No location (tests): go on.
  }
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (isLanguage(stored)) return stored;
  } catch {
    // Storage may be unavailable (private mode): the browser decides.
  }
  const preferred = typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]);
  for (const tag of preferred) {
    const base = tag?.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'fr';
}

/** Everything that follows the language: <html lang>, dates, numbers, the api's Accept-Language. */
function applyLanguage(language: string) {
  const lang = isLanguage(language) ? language : 'fr';
  document.documentElement.lang = lang;
  setFormatLocale(lang);
  setApiLanguage(lang);
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Ignored: the choice is also saved on the account.
  }
}

/** Switch the interface language; i18next first fetches every namespace already in use in that language. */
export async function setLanguage(language: Language): Promise<void> {
  if (i18n.language !== language) await i18n.changeLanguage(language);
}

// Read before anything writes the current language back to storage.
const initialLanguage = initialLanguageOf();
i18n.on('languageChanged', applyLanguage);

void i18n.use(backend).use(initReactI18next).init({
  resources: { fr: { common: fr } },
  ns: ['common'],
  defaultNS: 'common',
  fallbackNS: 'common',
  lng: 'fr',
  fallbackLng: 'fr',
  supportedLngs: LANGUAGES,
  interpolation: { escapeValue: false }, // React escapes.
  returnNull: false,
  initAsync: false,
  partialBundledLanguages: true,
});
applyLanguage('fr');

/** Resolves once the language remembered on this device is ready (awaited before the first render). */
export const i18nReady: Promise<void> = setLanguage(initialLanguage).catch(() => undefined);

export default i18n;
