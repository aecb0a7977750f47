import { isIP } from 'node:net';
import type { Database, Tx } from '../client';
import { auditLog } from '../schema';

export interface AuditEntry {
  actorId: string | null;
  /** Dotted verb, e.g. `user.invite`, `establishment.update`. */
  action: string;
  targetType: 'user' | 'establishment' | 'office' | 'session' | (string & {});
  targetId: string | null;
  /** Ids and field names only: no e-mail addresses or free text (erasure keeps audit rows). */
  details?: Record<string, unknown>;
  ip?: string | null;
}

/** Records who did what to what, inside the caller's transaction. */
export async function recordAudit(tx: Tx | Database, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    actorId: entry.actorId,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    details: entry.details ?? {},
    ip: cleanIp(entry.ip),
  });
}

/** The inet column refuses anything but an address (a forged X-Forwarded-For must not break a request). */
export function cleanIp(ip: string | null | undefined): string | null {
  return ip && isIP(ip) ? ip : null;
}
