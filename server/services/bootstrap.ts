import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { users } from '../../db/schema';
import { createOneTimeToken } from '../../db/queries/tokens';
import { seedTerritory } from '../../db/seed/territory';
import type { Config } from '../../common/config';
import { deriveOneTimeToken, hashToken } from '../../common/link-tokens';

/**
 * First start: seed the territory and, when there is no user at all, create
 * the first administrator and return a one-time link to set its password.
 * While that administrator has not set a password, each start prints a fresh link.
 */
export async function bootstrap(db: Database, config: Config): Promise<{ adminLink: string | null }> {
  await seedTerritory(db);
  const count = await db.$count(users);
  let adminId: string | null = null;
  if (count === 0) {
    const [admin] = await db
      .insert(users)
      .values({ email: config.ADMIN_EMAIL, name: 'Administrateur', role: 'admin', status: 'invited' })
      .returning({ id: users.id });
    adminId = admin!.id;
  } else if (count === 1) {
    const [only] = await db.select({ id: users.id, status: users.status, role: users.role }).from(users).where(eq(users.role, 'admin'));
    if (only?.status === 'invited') adminId = only.id;
  }
  if (!adminId) return { adminLink: null };
  const id = await createOneTimeToken(db, {
    userId: adminId,
    purpose: 'invitation',
    ttlMs: config.INVITATION_TTL_HOURS * 3600_000,
    createdBy: null,
    hashFor: (tokenId) => hashToken(deriveOneTimeToken(config.JWT_SECRET, tokenId)),
  });
  return { adminLink: `${config.PUBLIC_URL}/invitation/${deriveOneTimeToken(config.JWT_SECRET, id)}` };
}
