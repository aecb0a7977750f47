import type { FastifyInstance } from 'fastify';
import { getRegistration } from '../../../db/queries/trainings/registrations';
import { getSessionRow } from '../../../db/queries/trainings/sessions';
import type { Principal } from '../../plugins/auth';
import { refusal } from './refusals';
import { isStaff } from '../../../common/roles';

/** Who may see what in the trainings feature. */

export { isStaff };

/** A session the caller may see (partners never see drafts); 404 otherwise. */
export async function visibleSession(app: FastifyInstance, principal: Principal, id: string) {
  const row = await getSessionRow(app.db, id, principal.userId);
  if (!row || (row.status === 'draft' && !isStaff(principal))) throw refusal('sessionNotFound');
  return row;
}

/**
 * A registration the caller may act on: staff any, a partner their own, or
 * (scope 'establishment') one of a person of their establishment — the
 * person's establishment now, not the one recorded at sign-up: after a
 * partner moves, their former colleagues lose the registration and their new
 * ones gain it. Others' are 404: their existence is not revealed.
 */
export async function registrationFor(app: FastifyInstance, principal: Principal, id: string, scope: 'person' | 'establishment') {
  const row = await getRegistration(app.db, id);
  if (!row) throw refusal('registrationNotFound');
  if (isStaff(principal)) return row;
  if (row.userId === principal.userId) return row;
  if (scope === 'establishment' && principal.establishmentId && row.personEstablishmentId === principal.establishmentId) return row;
  throw refusal('registrationNotFound');
}
