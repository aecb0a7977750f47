import type { FastifyInstance } from 'fastify';
import * as q from '../../db/queries/accounts';
import { defaultEmailPreferences, type EmailPreferences } from '../../db/schema';
import type { Config } from '../../common/config';
import { deriveOneTimeToken, hashToken } from '../../common/link-tokens';
import { isoOrNull } from '../../common/text';
import type { PersonalDataPart } from '../feature';
import type { MessageKey } from '../i18n';
import { verifyPassword } from '../lib/passwords';
import { Problem } from '../plugins/errors';
import type { Me, UserListItem } from '../schemas/accounts';

/**
 * Account use cases: rows -> API objects (one `toX` per object), refusals ->
 * problems (one table), and the changes that span a transaction and a job
 * (the query commits the change with its outbox row, then the mail job is
 * enqueued). Routes call these and never map.
 */

/** How a one-time token row id maps to the stored hash (the token itself is derived from the id and the secret). */
export const oneTimeHashFor = (config: Pick<Config, 'JWT_SECRET'>) => (id: string) => hashToken(deriveOneTimeToken(config.JWT_SECRET, id));

/** Hash of a token received from a link. */
export const hashOneTimeToken = (token: string) => hashToken(token);

// ---------- mapping ----------

const ref = (id: string | null, name: string | null) => (id && name !== null ? { id, name } : null);

export function toMe(row: q.MeRow): Me {
  return {
    id: row.id, email: row.email, name: row.name, role: row.role, language: row.language,
    emailPreferences: { ...defaultEmailPreferences, ...row.emailPreferences } satisfies EmailPreferences,
    establishment: ref(row.establishmentId, row.establishmentName),
    office: ref(row.officeId, row.officeName),
  };
}

export function toUserListItem(row: q.UserItemRow): UserListItem {
  return {
    id: row.id, email: row.email, name: row.name, role: row.role, status: row.status, language: row.language,
    establishment: ref(row.establishmentId, row.establishmentName), office: ref(row.officeId, row.officeName),
    lastLoginAt: isoOrNull(row.lastLoginAt), createdAt: row.createdAt.toISOString(),
  };
}

// ---------- refusals ----------

type ReasonOf<T> = T extends { ok: false; reason: infer R } ? R : never;
type Reason = ReasonOf<q.InviteResult | q.ResendResult | q.UpdateUserResult | q.ResetResult | q.AcceptResult | Awaited<ReturnType<typeof q.eraseUser>>>;

/** Why an account change was refused -> HTTP problem (status, message, field). */
const refusals = {
  emailTaken: [409, 'accounts.emailTaken', 'email'],
  unknownEstablishment: [400, 'accounts.unknownEstablishment', 'establishmentId'],
  establishmentRequired: [400, 'accounts.establishmentRequired', 'establishmentId'],
  unknownOffice: [400, 'accounts.unknownOffice', 'officeId'],
  officeRequired: [400, 'accounts.officeRequired', 'officeId'],
  notFound: [404, 'accounts.userNotFound'],
  notInvited: [409, 'accounts.notInvited'],
  staffTargetScope: [403, 'accounts.staffTargetScope'],
  roleChangeAdminOnly: [403, 'accounts.roleChangeAdminOnly', 'role'],
  cannotChangeSelf: [403, 'accounts.cannotChangeSelf'],
  lastAdmin: [409, 'accounts.lastAdmin'],
  invalidToken: [400, 'auth.invalidToken', 'token'],
} as const satisfies Record<Reason, readonly [number, MessageKey, string?]>;

export function refusal(reason: Reason): Problem {
  const [status, key, field] = refusals[reason] as readonly [number, MessageKey, string?];
  return new Problem(status, key, field ? [{ field, key }] : []);
}

function orRefuse<T extends { ok: boolean }>(out: T): Extract<T, { ok: true }> {
  if (!out.ok) throw refusal((out as unknown as { reason: Reason }).reason);
  return out as Extract<T, { ok: true }>;
}

// ---------- me ----------

/** Changing the password and erasing the account ask for the current password: a wrong one is a field error. */
export async function confirmCurrentPassword(app: FastifyInstance, userId: string, password: string, field: string): Promise<void> {
  if (!(await verifyPassword(await q.getPasswordHash(app.db, userId), password))) {
    throw new Problem(400, 'error.validation', [{ field, key: 'auth.wrongCurrentPassword' }]);
  }
}

/** The profile of a signed-in user; null when the account is gone (the caller answers 401). */
export async function getMe(app: FastifyInstance, userId: string): Promise<Me | null> {
  const row = await q.getMe(app.db, userId);
  return row ? toMe(row) : null;
}

export async function updateMe(app: FastifyInstance, userId: string, patch: Parameters<typeof q.updateMe>[2], ip: string | null): Promise<Me | null> {
  const row = await q.updateMe(app.db, userId, patch, ip);
  return row ? toMe(row) : null;
}

/**
 * RGPD, accounts part: the profile, establishment, office, log-in sessions,
 * one-time links, audit trail and mail of the person; erasure anonymises the
 * account. An account already gone is a session that has expired.
 */
export const accountsPersonalData = {
  async export(tx, { userId, ip }) {
    const data = await q.exportUserData(tx, userId, ip);
    if (!data) throw new Problem(401, 'error.sessionExpired');
    const { exportedAt: _, ...sections } = data;
    return sections;
  },
  async erase(tx, { userId, ip }) {
    const out = await q.eraseUser(tx, userId, ip);
    if (!out.ok) throw out.reason === 'notFound' ? new Problem(401, 'error.sessionExpired') : refusal(out.reason);
  },
} satisfies PersonalDataPart;

// ---------- users ----------

export async function listUsers(app: FastifyInstance, filters: q.UserFilters) {
  const page = await q.listUsers(app.db, filters);
  return { ...page, items: page.items.map(toUserListItem) };
}

export async function updateUser(app: FastifyInstance, input: Parameters<typeof q.updateUser>[1]): Promise<UserListItem> {
  return toUserListItem(orRefuse(await q.updateUser(app.db, input)).user);
}

async function sendAfterCommit(app: FastifyInstance, messageId: string | null) {
  if (messageId) await app.enqueue('mail.send', { messageId });
}

export async function inviteUser(app: FastifyInstance, input: Omit<Parameters<typeof q.inviteUser>[1], 'ttlMs' | 'hashFor'>): Promise<{ id: string }> {
  const result = orRefuse(await q.inviteUser(app.db, { ...input, ttlMs: app.config.INVITATION_TTL_HOURS * 3_600_000, hashFor: oneTimeHashFor(app.config) }));
  await sendAfterCommit(app, result.messageId);
  return { id: result.userId };
}

export async function resendInvitation(app: FastifyInstance, input: Omit<Parameters<typeof q.resendInvitation>[1], 'ttlMs' | 'hashFor'>): Promise<void> {
  const result = orRefuse(await q.resendInvitation(app.db, { ...input, ttlMs: app.config.INVITATION_TTL_HOURS * 3_600_000, hashFor: oneTimeHashFor(app.config) }));
  await sendAfterCommit(app, result.messageId);
}

// ---------- passwords and invitations ----------

export async function resetPassword(app: FastifyInstance, input: { token: string; passwordHash: string; ip: string | null }): Promise<void> {
  const result = orRefuse(await q.resetPassword(app.db, { tokenHash: hashOneTimeToken(input.token), passwordHash: input.passwordHash, ip: input.ip }));
  await sendAfterCommit(app, result.messageId);
}

export async function acceptInvitation(app: FastifyInstance, input: Omit<Parameters<typeof q.acceptInvitation>[1], 'tokenHash'> & { token: string }) {
  const { token, ...rest } = input;
  return orRefuse(await q.acceptInvitation(app.db, { ...rest, tokenHash: hashOneTimeToken(token) })).grant;
}

export async function changePassword(app: FastifyInstance, input: Parameters<typeof q.changePassword>[1]): Promise<void> {
  await sendAfterCommit(app, await q.changePassword(app.db, input));
}
