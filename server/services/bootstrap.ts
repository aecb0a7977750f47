import type { Database } from '../../db/client';
import { createFirstAdministrator, recoverAdministrator } from '../../db/queries/bootstrap';
import { seedTerritory } from '../../db/seed/territory';
import { linkTtlMs, type Config } from '../../common/config';
import { deriveOneTimeToken, oneTimeHashFor } from '../../common/link-tokens';

type LinkConfig = Pick<Config, 'PUBLIC_URL' | 'JWT_SECRET' | 'INVITATION_TTL_HOURS' | 'RESET_TTL_MINUTES'>;

const tokenOf = (config: LinkConfig, tokenId: string) => deriveOneTimeToken(config.JWT_SECRET, tokenId);
const hashFor = (config: LinkConfig) => oneTimeHashFor(config.JWT_SECRET);
const invitation = (config: LinkConfig) => ({ ttlMs: linkTtlMs(config).invitation, hashFor: hashFor(config) });
const invitationLink = (config: LinkConfig, tokenId: string) => `${config.PUBLIC_URL}/invitation/${tokenOf(config, tokenId)}`;

/**
 * Every api start: seed the territory, and on an empty database only (no
 * user at all) create the first administrator and return its one-time link.
 * Created once, by one process even when several start at once; a later
 * start only reports an administrator still pending (to point at
 * `npm run admin:invite`), never voids the link.
 */
export async function bootstrap(db: Database, config: Config & LinkConfig): Promise<{ adminLink: string | null; pendingAdmin: string | null }> {
  await seedTerritory(db);
  const first = await createFirstAdministrator(db, { email: config.ADMIN_EMAIL, ...invitation(config) });
  return {
    adminLink: first.kind === 'created' ? invitationLink(config, first.tokenId) : null,
    pendingAdmin: first.kind === 'pending' ? first.email : null,
  };
}

export type AdminInviteResult =
  | { ok: true; kind: 'invitation' | 'reset'; link: string; created: boolean; validHours: number }
  | { ok: false; reason: 'notAdmin' | 'disabled'; message: string };

/** `npm run admin:invite EMAIL`: a fresh link for an administrator (see `recoverAdministrator`). */
export async function inviteAdministrator(db: Database, config: LinkConfig, email: string): Promise<AdminInviteResult> {
  const result = await recoverAdministrator(db, {
    email,
    invitation: invitation(config),
    reset: { ttlMs: linkTtlMs(config).reset, hashFor: hashFor(config) },
  });
  switch (result.kind) {
    case 'invited':
      return { ok: true, kind: 'invitation', link: invitationLink(config, result.tokenId), created: result.created, validHours: config.INVITATION_TTL_HOURS };
    case 'reset':
      return { ok: true, kind: 'reset', link: `${config.PUBLIC_URL}/reinitialiser/${tokenOf(config, result.tokenId)}`, created: false, validHours: config.RESET_TTL_MINUTES / 60 };
    case 'notAdmin':
      return { ok: false, reason: 'notAdmin', message: `${email} is a ${result.role} account, not an administrator: this command never changes a role.` };
    case 'disabled':
      return { ok: false, reason: 'disabled', message: `${email} is a disabled administrator: another administrator must enable it again.` };
  }
}
