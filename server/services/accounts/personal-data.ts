import type { FastifyInstance } from 'fastify';
import * as q from '../../../db/queries/accounts';
import { Problem } from '../../plugins/errors';
import { toAccountsExport, type AccountsExport } from './mapping';
import { refusal } from './refusals';

// RGPD, accounts part: the profile, establishment, office, log-ins, one-time links, audit trail and mail of the person.

/** The accounts sections of the export (the export is audited). An account already gone is a log-in that has expired. */
export async function exportAccounts(app: FastifyInstance, userId: string, ip: string | null): Promise<AccountsExport> {
  const rows = await q.exportUserData(app.db, userId, ip);
  if (!rows) throw new Problem(401, 'error.sessionExpired');
  return toAccountsExport(rows, userId);
}

/** Erasure of the account itself (accounts part). An account already gone is a log-in that has expired. */
export async function eraseUser(app: FastifyInstance, userId: string, ip: string | null): Promise<void> {
  const out = await q.eraseUser(app.db, userId, ip);
  if (!out.ok) throw out.reason === 'notFound' ? new Problem(401, 'error.sessionExpired') : refusal(out.reason);
}
