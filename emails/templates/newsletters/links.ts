import type { Config } from '../../../common/config';
import type { Locale } from '../layout';

/** The preferences page linked from every newsletter (French path; the /newsletters/preferences of earlier mails redirects to it). */
export const preferencesUrl = (config: Pick<Config, 'PUBLIC_URL'>, locale: Locale) => `${config.PUBLIC_URL}/lettres/preferences${locale === 'en' ? '?lang=en' : ''}`;
