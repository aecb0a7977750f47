import { eq, sql } from 'drizzle-orm';
import type { Database, Tx } from '../../client';
import { defaultEmailPreferences, establishments, offices, users, type EmailPreferences } from '../../schema';
import { recordAudit } from '../audit';
import type { Language, Role } from '../../../common/accounts';
import { firstOrNull } from '../rows';

// The signed-in user's own profile.

const meColumns = {
  id: users.id, email: users.email, name: users.name, role: users.role, language: users.language, emailPreferences: users.emailPreferences,
  establishmentId: establishments.id, establishmentName: establishments.name, officeId: offices.id, officeName: offices.name,
};
/** The signed-in user's profile row (server/services/accounts/mapping.ts `toMe` makes the API object). */
export interface MeRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  language: Language;
  emailPreferences: EmailPreferences;
  establishmentId: string | null;
  establishmentName: string | null;
  officeId: string | null;
  officeName: string | null;
}

export async function getMe(db: Database | Tx, userId: string): Promise<MeRow | null> {
  return firstOrNull(db
    .select(meColumns)
    .from(users)
    .leftJoin(establishments, eq(establishments.id, users.establishmentId))
    .leftJoin(offices, eq(offices.id, users.officeId))
    .where(eq(users.id, userId)));
}

export async function updateMe(
  db: Database,
  userId: string,
  patch: { name?: string; language?: Language; emailPreferences?: Partial<EmailPreferences> },
  ip: string | null,
): Promise<MeRow | null> {
  return db.transaction(async (tx) => {
    const [current] = await tx.select({ emailPreferences: users.emailPreferences }).from(users).where(eq(users.id, userId)).for('update');
    if (!current) return null;
    const emailPreferences = patch.emailPreferences ? { ...defaultEmailPreferences, ...current.emailPreferences, ...patch.emailPreferences } : undefined;
    await tx
      .update(users)
      .set({ name: patch.name, language: patch.language, emailPreferences, updatedAt: sql`now()` })
      .where(eq(users.id, userId));
    if (patch.emailPreferences) {
      // Consent changes are evidence (RGPD): keep who changed what, and when.
      await recordAudit(tx, { actorId: userId, action: 'me.emailPreferences', targetType: 'user', targetId: userId, details: { ...emailPreferences }, ip });
    }
    return getMe(tx, userId);
  });
}
