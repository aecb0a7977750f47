import type { FastifyInstance } from 'fastify';
import * as q from '../../../db/queries/accounts';
import type { Principal } from '../../plugins/principal';
import {
  publicEstablishmentFields, type CreateEstablishment, type CreatedEstablishment, type Establishment, type EstablishmentFilters, type EstablishmentList,
  type UpdateEstablishment,
} from '../../schemas/accounts';
import { toCreatedEstablishment, toEstablishment, toEstablishmentListItem } from './mapping';
import { orRefuse, refusal } from './refusals';

/**
 * Establishments. Staff and admins see and edit all of them; a partner reads
 * its own establishment and edits only its public fields. Another
 * establishment answers 404 to a partner, so ids reveal nothing.
 */

export async function listEstablishments(app: FastifyInstance, filters: EstablishmentFilters): Promise<EstablishmentList> {
  const page = await q.listEstablishments(app.db, filters);
  return { ...page, items: page.items.map(toEstablishmentListItem) };
}

const ownOrStaff = (principal: Principal, id: string) => principal.role !== 'partner' || principal.establishmentId === id;

export async function getEstablishment(app: FastifyInstance, principal: Principal, id: string): Promise<Establishment> {
  const row = ownOrStaff(principal, id) ? await q.getEstablishment(app.db, id) : null;
  if (!row) throw refusal('establishmentNotFound');
  return toEstablishment(row);
}

export async function createEstablishment(app: FastifyInstance, input: { actorId: string; data: CreateEstablishment; ip: string | null }): Promise<CreatedEstablishment> {
  const result = orRefuse(await q.createEstablishment(app.db, input));
  return toCreatedEstablishment(result.establishment, result.sameName);
}

export async function updateEstablishment(
  app: FastifyInstance,
  input: { principal: Principal; id: string; patch: UpdateEstablishment; ip: string | null },
): Promise<Establishment> {
  const { principal, id, patch } = input;
  if (!ownOrStaff(principal, id)) throw refusal('establishmentNotFound');
  if (principal.role === 'partner') {
    const forbidden = Object.keys(patch).filter((k) => !(publicEstablishmentFields as readonly string[]).includes(k));
    if (forbidden.length) throw refusal('partnerFieldForbidden', forbidden);
  }
  const result = orRefuse(await q.updateEstablishment(app.db, { actorId: principal.userId, id, patch, ip: input.ip }));
  return toEstablishment(result.establishment);
}
