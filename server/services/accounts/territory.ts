import type { FastifyInstance } from 'fastify';
import * as q from '../../../db/queries/accounts';
import type { Office, Territory, UpdateOffice } from '../../schemas/accounts';
import { toOffice, toTerritory } from './mapping';
import { orRefuse } from './refusals';

// The territory (communautés, communes, offices) with the reference lists; administrators correct the offices.

export async function getTerritory(app: FastifyInstance): Promise<Territory> {
  return toTerritory(await q.getTerritory(app.db));
}

export async function updateOffice(app: FastifyInstance, input: { actorId: string; id: string; patch: UpdateOffice; ip: string | null }): Promise<Office> {
  return toOffice(orRefuse(await q.updateOffice(app.db, input)).office);
}
