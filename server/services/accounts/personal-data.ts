import * as q from '../../../db/queries/accounts';
import type { PersonalDataPart } from '../../feature';
import { Problem } from '../../plugins/errors';
import { toAccountsExport } from './mapping';
import { refusal } from './refusals';

/**
 * RGPD, accounts part: the profile, establishment, office, log-ins, one-time
 * links, audit trail and mail of the person (the export is audited); erasure
 * anonymises the account. An account already gone is a log-in that has expired.
 */
export const accountsPersonalData = {
  async export(tx, { userId, ip }) {
    const rows = await q.exportUserData(tx, userId, ip);
    if (!rows) throw new Problem(401, 'error.sessionExpired');
    return toAccountsExport(rows, userId);
  },
  async erase(tx, { userId, ip }) {
    const out = await q.eraseUser(tx, userId, ip);
    if (!out.ok) throw out.reason === 'notFound' ? new Problem(401, 'error.sessionExpired') : refusal(out.reason);
  },
} satisfies PersonalDataPart;
