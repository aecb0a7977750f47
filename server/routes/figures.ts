import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { IdParams, problemResponses } from '../schemas/common';
import {
  Aggregates, AggregatesQuery, Comparison, ComparisonQuery, Edition, EditionData, EditionList, FiguresBody, FiguresMonth, MonthParams, MyFigures,
  PreviewQuery, PublishBody, RangeQuery, Submissions, SubmissionsQuery,
} from '../schemas/figures';
import * as svc from '../services/figures';
import { createStatisticsCache } from '../lib/statistics-cache';

const tags = ['figures'];

/**
 * Partners' monthly figures and the « Observatoire ». Partner routes act on
 * the caller's own establishment only (no establishment id in any partner
 * route: another partner's raw figures have no address); staff read the
 * aggregates and who has submitted; every signed-in user reads the published
 * editions, which obey statistical secrecy.
 */
export default async function figuresRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const partner = app.requireRole('partner');
  const staff = app.requireRole('staff', 'admin');
  const anyone = app.requireUser;
  const aggregatesCache = createStatisticsCache<Aggregates>(app.changes);

  app.get('/api/figures/me', {
    preHandler: partner,
    schema: { tags, summary: 'Les chiffres mensuels de mon établissement', querystring: RangeQuery, response: { 200: MyFigures, ...problemResponses } },
  }, async (request) => svc.myFigures(app, request.principal!, request.query));

  app.put('/api/figures/me/:month', {
    preHandler: partner,
    schema: {
      tags, summary: 'Donne ou corrige les chiffres d’un mois de mon établissement', params: MonthParams, body: FiguresBody,
      response: { 200: FiguresMonth, 201: FiguresMonth, ...problemResponses },
    },
  }, async (request, reply) => {
    const out = await svc.saveMonth(app, request.principal!, request.params.month, request.body);
    return reply.code(out.created ? 201 : 200).send(out.month);
  });

  app.get('/api/figures/me/comparison', {
    preHandler: partner,
    schema: { tags, summary: 'Mes chiffres face à mes pairs anonymisés (médiane, quartiles ; secret statistique)', querystring: ComparisonQuery, response: { 200: Comparison, ...problemResponses } },
  }, async (request) => svc.comparison(app, request.principal!, request.query));

  app.get('/api/figures/aggregates', {
    preHandler: staff,
    // The staff dashboard, the busiest read (bench:figures, bench:stats): served from the statistics feed cache.
    schema: { tags, summary: 'Agrégats des partenaires par catégorie, communauté et mois', querystring: AggregatesQuery, response: { 200: Aggregates, ...problemResponses } },
  }, async (request) => svc.aggregates(app, aggregatesCache, request.query));

  app.get('/api/figures/submissions', {
    preHandler: staff,
    schema: { tags, summary: 'Qui a donné ses chiffres du mois, et qui pas encore', querystring: SubmissionsQuery, response: { 200: Submissions, ...problemResponses } },
  }, async (request) => svc.submissions(app, request.query));

  app.get('/api/figures/observatoire', {
    preHandler: anyone,
    schema: { tags, summary: 'Éditions publiées de l’Observatoire', response: { 200: EditionList, ...problemResponses } },
  }, async () => svc.listEditions(app));

  app.get('/api/figures/observatoire/preview', {
    preHandler: staff,
    schema: { tags, summary: 'Ce que publierait l’Observatoire d’un mois (sous secret statistique)', querystring: PreviewQuery, response: { 200: EditionData, ...problemResponses } },
  }, async (request) => svc.editionData(app, request.query.month));

  app.get('/api/figures/observatoire/:id', {
    preHandler: anyone,
    schema: { tags, summary: 'Une édition de l’Observatoire', params: IdParams, response: { 200: Edition, ...problemResponses } },
  }, async (request) => svc.getEdition(app, request.params.id));

  app.post('/api/figures/observatoire', {
    preHandler: staff,
    schema: { tags, summary: 'Publie l’Observatoire d’un mois (figé)', body: PublishBody, response: { 201: Edition, ...problemResponses } },
  }, async (request, reply) => reply.code(201).send(await svc.publish(app, request.principal!, request.body)));

}
