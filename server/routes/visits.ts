import type { FastifyInstance } from 'fastify';
import { IdParams, NoContent } from '../schemas/common';
import { routeFile } from '../lib/route';
import {
  ContactBody, ContactList, ContactResult, ContactSchema, CorrectionBody, DashboardQuery, DashboardSchema, ImportBody, ImportResult,
  SetupQuery, SetupSchema, ThemeBody, ThemeList, ThemeParams, ThemeSchema, ThemeUpdateBody, TotalsBody, TotalsQuery, TotalsSchema,
} from '../schemas/visits';
import * as svc from '../services/visits';
import { createStatisticsCache } from '../lib/statistics-cache';
import { VISIT_LIMITS } from '../../common/limits';

/**
 * Office visitor counts (staff and admins only): contacts at the counter,
 * monthly totals in bulk and CSV import, request themes (admins edit them),
 * the dashboard (read from the rollup the worker keeps, kept in the statistics feed cache).
 */
export default async function visitRoutes(fastify: FastifyInstance) {
  const { app, route, staff, admin } = routeFile(fastify, ['visits']);
  const dashboardCache = createStatisticsCache<svc.DashboardShared>(app.changes);

  app.get('/api/visits/setup', route(staff, 'Ce que le comptoir affiche : bureaux, thèmes, provenances fréquentes du bureau', { 200: SetupSchema }, { querystring: SetupQuery }),
    async (request) => svc.setup(app, request.principal!, request.query.officeId));

  app.post('/api/visits/contacts', route(staff, 'Enregistre un contact (id créé par le navigateur : le renvoyer ne compte pas deux fois, 200 au lieu de 201)', { 200: ContactResult, 201: ContactResult }, { body: ContactBody }), async (request, reply) => {
    const out = await svc.record(app, request.principal!, request.body);
    return reply.code(out.created ? 201 : 200).send(out);
  });

  app.get('/api/visits/contacts/recent', route(staff, `Mes contacts encore corrigeables (${VISIT_LIMITS.correctionMinutes} minutes)`, { 200: ContactList }),
    async (request) => svc.recent(app, request.principal!));

  app.patch('/api/visits/contacts/:id', route(staff, 'Corrige un de mes contacts récents', { 200: ContactSchema }, { params: IdParams, body: CorrectionBody }),
    async (request) => svc.correct(app, request.principal!, request.params.id, request.body));

  app.delete('/api/visits/contacts/:id', route(staff, 'Annule un de mes contacts récents', { 204: NoContent }, { params: IdParams }), async (request, reply) => {
    await svc.remove(app, request.principal!, request.params.id);
    return reply.code(204).send();
  });

  app.get('/api/visits/totals', route(staff, 'Totaux saisis en bloc pour un bureau et un mois', { 200: TotalsSchema }, { querystring: TotalsQuery }),
    async (request) => svc.getTotals(app, request.query.officeId, request.query.month));

  app.put('/api/visits/totals', route(staff, 'Remplace les totaux d’un bureau et d’un mois (tout ou rien)', { 200: TotalsSchema }, { body: TotalsBody }),
    async (request) => svc.putTotals(app, request.principal!, request.body));

  app.post('/api/visits/import', {
    ...route(staff, 'Importe des totaux mensuels (CSV) : rien n’est importé tant qu’une ligne est invalide', { 200: ImportResult }, { body: ImportBody }),
    // The CSV travels as a JSON string; a 20,000-line file is about 1 MB.
    bodyLimit: VISIT_LIMITS.importChars * 4 + 1024,
  }, async (request) => svc.importCsv(app, request.principal!.userId, request.body.csv));

  app.get('/api/visits/dashboard', route(staff, 'Tableau de bord : contacts et visiteurs par bureau et mois, année précédente, ventilations', { 200: DashboardSchema }, { querystring: DashboardQuery }),
    async (request) => svc.dashboard(app, dashboardCache, request.query));

  app.get('/api/visits/themes', route(staff, 'Thèmes des demandes (y compris retirés)', { 200: ThemeList }),
    async () => svc.themes(app));

  app.post('/api/visits/themes', route(admin, 'Ajoute un thème', { 201: ThemeSchema }, { body: ThemeBody }),
    async (request, reply) => reply.code(201).send(await svc.createTheme(app, request.body)));

  app.patch('/api/visits/themes/:id', route(admin, 'Renomme, déplace, retire ou rétablit un thème', { 200: ThemeSchema }, { params: ThemeParams, body: ThemeUpdateBody }),
    async (request) => svc.updateTheme(app, request.params.id, request.body));
}
