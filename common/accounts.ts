/** Value lists of the accounts enums: read by pgEnum (db/schema), the TypeBox schemas and the client. */
export { ROLES, type Role } from './roles';

export const USER_STATUSES = ['invited', 'active', 'disabled'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

export const LANGUAGES = ['fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const ESTABLISHMENT_STATUSES = ['active', 'inactive'] as const;
export type EstablishmentStatus = (typeof ESTABLISHMENT_STATUSES)[number];

export const TOKEN_PURPOSES = ['invitation', 'password_reset'] as const;
export type TokenPurpose = (typeof TOKEN_PURPOSES)[number];

/**
 * The name of an administrator created by the start-up or by `npm run
 * admin:invite`, who has not given theirs yet: the invitation page asks for
 * it (required there), so that mails are not signed « Administrateur ».
 */
export const PLACEHOLDER_ADMIN_NAME = 'Administrateur';
