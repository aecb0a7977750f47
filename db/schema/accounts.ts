import { sql } from 'drizzle-orm';
import {
  bigserial, check, index, inet, jsonb, pgEnum, pgTable, smallint, text, timestamp, uniqueIndex, uuid,
} from 'drizzle-orm/pg-core';
import { timestamps } from './columns';
import { communes, offices } from './territory';
import { ESTABLISHMENT_STATUSES, LANGUAGES, ROLES, TOKEN_PURPOSES, USER_STATUSES } from '../../common/accounts';

export const userRole = pgEnum('user_role', ROLES);
export const userStatus = pgEnum('user_status', USER_STATUSES);
export const language = pgEnum('language', LANGUAGES);
export const establishmentStatus = pgEnum('establishment_status', ESTABLISHMENT_STATUSES);
export const tokenPurpose = pgEnum('token_purpose', TOKEN_PURPOSES);

/** What a user agreed to receive by e-mail (RGPD consent); transactional mail is always sent. */
export interface EmailPreferences {
  newsletter: boolean;
  news: boolean;
  trainings: boolean;
  /** Resource centre: new documents in followed folders, answers to one's proposals. */
  documents: boolean;
  /** Monthly figures: the reminder on the 2nd of each month to give the establishment's figures. */
  figures: boolean;
}
export const defaultEmailPreferences: EmailPreferences = { newsletter: false, news: true, trainings: true, documents: true, figures: true };

export const establishments = pgTable(
  'establishments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    category: text('category').notNull(),
    subcategory: text('subcategory'),
    communeInsee: text('commune_insee').notNull().references(() => communes.inseeCode),
    address: text('address'),
    phone: text('phone'),
    email: text('email'),
    website: text('website'),
    description: text('description'),
    labels: text('labels').array().notNull().default(sql`'{}'::text[]`),
    membershipYear: smallint('membership_year'),
    status: establishmentStatus('status').notNull().default('active'),
    ...timestamps(),
  },
  (t) => [
    index('establishments_commune_idx').on(t.communeInsee),
    index('establishments_category_idx').on(t.category),
    index('establishments_name_idx').on(sql`lower(${t.name})`),
  ],
);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: userRole('role').notNull(),
    establishmentId: uuid('establishment_id').references(() => establishments.id),
    officeId: text('office_id').references(() => offices.id),
    status: userStatus('status').notNull().default('invited'),
    language: language('language').notNull().default('fr'),
    emailPreferences: jsonb('email_preferences').$type<EmailPreferences>().notNull().default(defaultEmailPreferences),
    passwordHash: text('password_hash'),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    erasedAt: timestamp('erased_at', { withTimezone: true }),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('users_email_lower_idx').on(sql`lower(${t.email})`),
    index('users_establishment_idx').on(t.establishmentId),
    check('users_partner_has_establishment', sql`${t.role} <> 'partner' OR ${t.establishmentId} IS NOT NULL OR ${t.erasedAt} IS NOT NULL`),
  ],
);

/**
 * A log-in (a signed-in browser or device; "session" is kept for training
 * sessions): its refresh tokens rotate, and reuse of a spent one revokes the
 * whole log-in.
 */
export const logins = pgTable(
  'logins',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    userAgent: text('user_agent'),
    ip: inet('ip'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedReason: text('revoked_reason'),
  },
  (t) => [index('logins_user_idx').on(t.userId)],
);

export const refreshTokens = pgTable(
  'refresh_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    loginId: uuid('login_id').notNull().references(() => logins.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('refresh_tokens_login_idx').on(t.loginId)],
);

/** Invitation and password-reset tokens: only their hash is stored; single use; expiring. */
export const oneTimeTokens = pgTable(
  'one_time_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    purpose: tokenPurpose('purpose').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('one_time_tokens_user_idx').on(t.userId, t.purpose)],
);

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    action: text('action').notNull(),
    targetType: text('target_type').notNull(),
    targetId: text('target_id'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    ip: inet('ip'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('audit_log_target_idx').on(t.targetType, t.targetId), index('audit_log_actor_idx').on(t.actorId)],
);

