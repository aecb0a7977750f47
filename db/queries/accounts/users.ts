import { and, asc, eq, ilike, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Database, Tx } from '../../client';
import { establishments, offices, users } from '../../schema';
import { recordAudit } from '../audit';
import { revokeUserLogins } from '../logins';
import type { Role, UserStatus } from '../../../common/accounts';
import { likePattern } from '../../../common/text';
import { frenchSortKey } from './sort';
import { firstOrNull } from '../rows';

// Users as staff and administrators manage them: list, one user, status, role and attachment.

const userItemColumns = {
  id: users.id, email: users.email, name: users.name, role: users.role, status: users.status, language: users.language,
  establishmentId: establishments.id, establishmentName: establishments.name, officeId: offices.id, officeName: offices.name,
  lastLoginAt: users.lastLoginAt, createdAt: users.createdAt,
};

/** A user as staff lists show it (server/services/accounts/mapping.ts `toUserListItem` makes the API object). */
export type UserItemRow = Awaited<ReturnType<ReturnType<typeof userItemQuery>['execute']>>[number];
const userItemQuery = (db: Database | Tx) =>
  db
    .select(userItemColumns)
    .from(users)
    .leftJoin(establishments, eq(establishments.id, users.establishmentId))
    .leftJoin(offices, eq(offices.id, users.officeId));

export async function getUserItem(db: Database | Tx, id: string): Promise<UserItemRow | null> {
  return firstOrNull(userItemQuery(db).where(and(eq(users.id, id), isNull(users.erasedAt))));
}

export interface UserFilters {
  search?: string;
  role?: Role;
  status?: UserStatus;
  establishmentId?: string;
  page?: number;
  pageSize?: number;
}

/** Users by name, filtered; erased accounts are not listed. */
export async function listUsers(db: Database, filters: UserFilters) {
  const page = filters.page ?? 1;
  const pageSize = filters.pageSize ?? 20;
  const conditions: (SQL | undefined)[] = [isNull(users.erasedAt)];
  if (filters.search?.trim()) {
    const pattern = likePattern(filters.search);
    conditions.push(or(ilike(users.name, pattern), ilike(users.email, pattern)));
  }
  if (filters.role) conditions.push(eq(users.role, filters.role));
  if (filters.status) conditions.push(eq(users.status, filters.status));
  if (filters.establishmentId) conditions.push(eq(users.establishmentId, filters.establishmentId));
  const where = and(...conditions);
  const [rows, total] = await Promise.all([
    userItemQuery(db)
      .where(where)
      .orderBy(asc(frenchSortKey(users.name)), asc(users.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.$count(users, where),
  ]);
  return { items: rows, total, page, pageSize };
}

export type UpdateUserResult =
  | { ok: true; user: UserItemRow }
  | {
      ok: false;
      reason: 'notFound' | 'cannotChangeSelf' | 'staffTargetScope' | 'roleChangeAdminOnly' | 'establishmentRequired' | 'officeRequired'
        | 'unknownEstablishment' | 'unknownOffice' | 'lastAdmin';
    };

/**
 * Status, role and attachment changes by staff or admins. Staff manage
 * partners only and never change roles; nobody changes their own role or
 * status; the last active administrator cannot be disabled or demoted.
 */
export async function updateUser(
  db: Database,
  input: {
    actor: { id: string; role: Role };
    userId: string;
    patch: { status?: 'active' | 'disabled'; role?: Role; establishmentId?: string | null; officeId?: string | null };
    ip: string | null;
  },
): Promise<UpdateUserResult> {
  const { actor, patch } = input;
  if (actor.id === input.userId && (patch.role !== undefined || patch.status !== undefined)) return { ok: false as const, reason: 'cannotChangeSelf' as const };
  return db.transaction(async (tx) => {
    const lookup = () =>
      tx
        .select({ id: users.id, role: users.role, status: users.status, establishmentId: users.establishmentId, officeId: users.officeId, hasPassword: sql<boolean>`${users.passwordHash} IS NOT NULL` })
        .from(users)
        .where(and(eq(users.id, input.userId), isNull(users.erasedAt)));
    const [peek] = await lookup();
    if (!peek) return { ok: false as const, reason: 'notFound' as const };
    // Lock the active administrators in a fixed order before the target, so that
    // two admins demoting each other at once cannot deadlock or both succeed.
    let otherActiveAdmins = 0;
    if (peek.role === 'admin') {
      const admins = await tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.role, 'admin'), eq(users.status, 'active'), isNull(users.erasedAt)))
        .orderBy(asc(users.id))
        .for('update');
      otherActiveAdmins = admins.filter((a) => a.id !== peek.id).length;
    }
    const [target] = await lookup().for('update');
    if (!target) return { ok: false as const, reason: 'notFound' as const };

    if (actor.role !== 'admin') {
      if (target.role !== 'partner') return { ok: false as const, reason: 'staffTargetScope' as const };
      if (patch.role !== undefined && patch.role !== target.role) return { ok: false as const, reason: 'roleChangeAdminOnly' as const };
    }
    const role = patch.role ?? target.role;
    const establishmentId = role === 'partner' ? (patch.establishmentId !== undefined ? patch.establishmentId : target.establishmentId) : null;
    const officeId = role === 'staff' ? (patch.officeId !== undefined ? patch.officeId : target.officeId) : null;
    if (role === 'partner' && !establishmentId) return { ok: false as const, reason: 'establishmentRequired' as const };
    if (role === 'staff' && !officeId) return { ok: false as const, reason: 'officeRequired' as const };
    if (establishmentId && establishmentId !== target.establishmentId && !(await establishmentExists(tx, establishmentId))) return { ok: false as const, reason: 'unknownEstablishment' as const };
    if (officeId && officeId !== target.officeId && !(await officeExists(tx, officeId))) return { ok: false as const, reason: 'unknownOffice' as const };

    let status: UserStatus = target.status;
    if (patch.status === 'disabled') status = 'disabled';
    // Enabling an account that never set a password puts it back to "invited", so an invitation can be re-sent.
    if (patch.status === 'active' && target.status === 'disabled') status = target.hasPassword ? 'active' : 'invited';

    if (target.role === 'admin' && target.status === 'active' && (role !== 'admin' || status !== 'active') && otherActiveAdmins === 0) {
      return { ok: false as const, reason: 'lastAdmin' as const };
    }

    await tx.update(users).set({ role, status, establishmentId, officeId, updatedAt: sql`now()` }).where(eq(users.id, target.id));
    const audit = (action: string, details: Record<string, unknown>) =>
      recordAudit(tx, { actorId: actor.id, action, targetType: 'user', targetId: target.id, details, ip: input.ip });
    if (status !== target.status) {
      await audit('user.status', { from: target.status, to: status });
      if (status === 'disabled') await revokeUserLogins(tx, target.id, 'disabled');
    }
    if (role !== target.role) await audit('user.role', { from: target.role, to: role });
    if (establishmentId !== target.establishmentId || officeId !== target.officeId) {
      await audit('user.attachment', { establishmentId: { from: target.establishmentId, to: establishmentId }, officeId: { from: target.officeId, to: officeId } });
    }
    const user = await getUserItem(tx, target.id);
    return { ok: true as const, user: user! };
  });
}

/** For the attachments of invitations and user changes. */
export async function establishmentExists(tx: Tx, id: string): Promise<boolean> {
  const [row] = await tx.select({ id: establishments.id }).from(establishments).where(eq(establishments.id, id));
  return Boolean(row);
}

export async function officeExists(tx: Tx, id: string): Promise<boolean> {
  const [row] = await tx.select({ id: offices.id }).from(offices).where(eq(offices.id, id));
  return Boolean(row);
}
