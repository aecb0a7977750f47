import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import fr from './locales/fr.json';
import { setApiLanguage } from './lib/api';
import { setFormatLocale } from './lib/locale';

export type Language = 'fr' | 'en';
export const LANGUAGES: Language[] = ['fr', 'en'];
const STORAGE_KEY = 'ep.language';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof fr };
  }
}

export function isLanguage(value: unknown): value is Language {
  return value === 'fr' || value === 'en';
}

/** Before we know the user: the language chosen earlier on this device, else French. */
function storedLanguage(): Language {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (isLanguage(stored)) return stored;
  } catch {
    // Storage may be unavailable (private mode): French.
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

/** French ships with the app; English is fetched the first time it is needed (keeps the log-in page light). */
async function loadCatalogue(language: Language): Promise<void> {
  if (i18n.hasResourceBundle(language, 'translation')) return;
  if (language === 'en') {
    const en = await import('./locales/en.json');
    i18n.addResourceBundle('en', 'translation', en.default, true, true);
  }
}

/** Switch the interface language (loads its catalogue first). */
export async function setLanguage(language: Language): Promise<void> {
  await loadCatalogue(language);
  if (i18n.language !== language) await i18n.changeLanguage(language);
}

// Read before anything writes the current language back to storage.
const initialLanguage = storedLanguage();
i18n.on('languageChanged', applyLanguage);

void i18n.use(initReactI18next).init({
  resources: { fr: { translation: fr } },
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
