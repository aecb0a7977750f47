/** The feature's French paths (as every other feature's); the preferences link of mails sent before them redirects (feature.ts). */
export const LETTERS_PATH = '/lettres';
export const CAMPAIGNS_PATH = '/lettres/campagnes';
export const PREFERENCES_PATH = '/lettres/preferences';
export const ARCHIVE_PATH = '/lettres/archives';
export const UNSUBSCRIBE_PATH = '/lettres/desinscription';
