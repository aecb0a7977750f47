import type { FastifyInstance } from 'fastify';
import { IdParams } from '../schemas/common';
import { routeFile } from '../lib/route';
import {
  Aggregates, AggregatesQuery, Comparison, ComparisonQuery, Edition, EditionData, EditionList, FiguresBody, FiguresMonth, MonthParams, MyFigures,
  PreviewQuery, PublishBody, RangeQuery, Submissions, SubmissionsQuery,
} from '../schemas/figures';
import * as svc from '../services/figures';
import { createStatisticsCache } from '../lib/statistics-cache';

/**
 * Partners' monthly figures and the « Observatoire ». Partner routes act on
 * the caller's own establishment only (no establishment id in any partner
 * route: another partner's raw figures have no address); staff read the
 * aggregates and who has submitted; every signed-in user reads the published
 * editions, which obey statistical secrecy.
 */
export default async function figuresRoutes(fastify: FastifyInstance) {
  const { app, route, anyone, partner, staff } = routeFile(fastify, ['figures']);
  const aggregatesCache = createStatisticsCache<Aggregates>(app.changes);

  app.get('/api/figures/me', route(partner, 'Les chiffres mensuels de mon établissement', { 200: MyFigures }, { querystring: RangeQuery }),
    async (request) => svc.myFigures(app, request.principal!, request.query));

  app.put('/api/figures/me/:month', route(partner, 'Donne ou corrige les chiffres d’un mois de mon établissement', { 200: FiguresMonth, 201: FiguresMonth }, { params: MonthParams, body: FiguresBody }), async (request, reply) => {
    const out = await svc.saveMonth(app, request.principal!, request.params.month, request.body);
    return reply.code(out.created ? 201 : 200).send(out.month);
  });

  app.get('/api/figures/me/comparison', route(partner, 'Mes chiffres face à mes pairs anonymisés (médiane, quartiles ; secret statistique)', { 200: Comparison }, { querystring: ComparisonQuery }),
    async (request) => svc.comparison(app, request.principal!, request.query));

  app.get('/api/figures/aggregates', {
    // The staff dashboard, the busiest read (bench:figures, bench:stats): served from the statistics feed cache.
    ...route(staff, 'Agrégats des partenaires par catégorie, communauté et mois', { 200: Aggregates }, { querystring: AggregatesQuery }),
  }, async (request) => svc.aggregates(app, aggregatesCache, request.query));

  app.get('/api/figures/submissions', route(staff, 'Qui a donné ses chiffres du mois, et qui pas encore', { 200: Submissions }, { querystring: SubmissionsQuery }),
    async (request) => svc.submissions(app, request.query));

  app.get('/api/figures/observatoire', route(anyone, 'Éditions publiées de l’Observatoire', { 200: EditionList }),
    async () => svc.listEditions(app));

  app.get('/api/figures/observatoire/preview', route(staff, 'Ce que publierait l’Observatoire d’un mois (sous secret statistique)', { 200: EditionData }, { querystring: PreviewQuery }),
    async (request) => svc.editionData(app, request.query.month));

  app.get('/api/figures/observatoire/:id', route(anyone, 'Une édition de l’Observatoire', { 200: Edition }, { params: IdParams }),
    async (request) => svc.getEdition(app, request.params.id));

  app.post('/api/figures/observatoire', route(staff, 'Publie l’Observatoire d’un mois (figé)', { 201: Edition }, { body: PublishBody }),
    async (request, reply) => reply.code(201).send(await svc.publish(app, request.principal!, request.body)));

}
