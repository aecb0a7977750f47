import type { Role } from '../../common/roles';
import type { Locale } from '../i18n';

/**
 * Who is calling, re-read from the database on every request (a disabled user
 * or revoked log-in loses access at once). Its own module so that i18n and
 * other plugins can name it without importing the auth plugin.
 */
export interface Principal {
  userId: string;
  /** The log-in (`logins` row, the access token's `sid` claim). */
  loginId: string;
  role: Role;
  establishmentId: string | null;
  officeId: string | null;
  language: Locale;
  name: string;
  email: string;
}
