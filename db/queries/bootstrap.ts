import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Database, Tx } from '../client';
import { users } from '../schema';
import { recordAudit } from './audit';
import { createOneTimeToken } from './tokens';
import { PLACEHOLDER_ADMIN_NAME } from '../../common/accounts';

/**
 * The first administrator, and the command that recovers an administrator's
 * access (`npm run admin:invite EMAIL`). Both hold one transaction-level
 * advisory lock, so api processes starting at once on an empty database
 * create one account and one link, and the command never races them.
 */
const lockAdministrators = (tx: Tx) => tx.execute(sql`select pg_advisory_xact_lock(hashtext('espace-pro administrators'))`);

interface TokenInput {
  /** Invitation link lifetime. */
  ttlMs: number;
  hashFor: (id: string) => string;
}

export type FirstAdministratorResult =
  /** The database had no user: the administrator and its invitation were created now. */
  | { kind: 'created'; tokenId: string }
  /** An administrator invited earlier has not set a password yet (and none has): the link was printed when it was created. */
  | { kind: 'pending'; email: string }
  | { kind: 'none' };

/** On an empty database (no user at all), creates the invited administrator and its invitation token; never anything else. */
export async function createFirstAdministrator(db: Database, input: TokenInput & { email: string }): Promise<FirstAdministratorResult> {
  return db.transaction(async (tx) => {
    await lockAdministrators(tx);
    if ((await tx.$count(users)) === 0) {
      const [admin] = await tx
        .insert(users)
        .values({ email: input.email.toLowerCase(), name: PLACEHOLDER_ADMIN_NAME, role: 'admin', status: 'invited' })
        .returning({ id: users.id });
      const tokenId = await createOneTimeToken(tx, { userId: admin!.id, purpose: 'invitation', ttlMs: input.ttlMs, createdBy: null, hashFor: input.hashFor });
      await recordAudit(tx, { actorId: null, action: 'user.firstAdministrator', targetType: 'user', targetId: admin!.id });
      return { kind: 'created' as const, tokenId };
    }
    const admins = await tx
      .select({ email: users.email, status: users.status })
      .from(users)
      .where(and(eq(users.role, 'admin'), isNull(users.erasedAt)));
    const pending = admins.find((a) => a.status === 'invited');
    return pending && !admins.some((a) => a.status === 'active') ? { kind: 'pending' as const, email: pending.email } : { kind: 'none' as const };
  });
}

export type RecoverAdministratorResult =
  | { kind: 'invited'; tokenId: string; created: boolean }
  | { kind: 'reset'; tokenId: string }
  | { kind: 'notAdmin'; role: 'partner' | 'staff' }
  | { kind: 'disabled' };

/**
 * A fresh link for an administrator, the previous one of the same kind made
 * void: an invitation for an unknown address (a new invited administrator) or
 * an administrator still invited; a password reset for an active one.
 * Refuses other accounts: the command never turns a partner or staff member into an administrator.
 */
export async function recoverAdministrator(
  db: Database,
  input: { email: string; invitation: TokenInput; reset: TokenInput },
): Promise<RecoverAdministratorResult> {
  return db.transaction(async (tx) => {
    await lockAdministrators(tx);
    const email = input.email.toLowerCase();
    let [user] = await tx
      .select({ id: users.id, role: users.role, status: users.status })
      .from(users)
      .where(and(sql`lower(${users.email}) = ${email}`, isNull(users.erasedAt)))
      .for('update');
    const created = !user;
    if (!user) {
      [user] = await tx
        .insert(users)
        .values({ email, name: PLACEHOLDER_ADMIN_NAME, role: 'admin', status: 'invited' })
        .returning({ id: users.id, role: users.role, status: users.status });
    }
    if (user!.role !== 'admin') return { kind: 'notAdmin' as const, role: user!.role };
    if (user!.status === 'disabled') return { kind: 'disabled' as const };
    const purpose = user!.status === 'invited' ? 'invitation' : 'password_reset';
    const token = purpose === 'invitation' ? input.invitation : input.reset;
    const tokenId = await createOneTimeToken(tx, { userId: user!.id, purpose, ttlMs: token.ttlMs, createdBy: null, hashFor: token.hashFor });
    await recordAudit(tx, { actorId: null, action: 'user.adminInviteCommand', targetType: 'user', targetId: user!.id, details: { purpose, created } });
    return purpose === 'invitation' ? { kind: 'invited' as const, tokenId, created } : { kind: 'reset' as const, tokenId };
  });
}
