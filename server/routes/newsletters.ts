import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { IdParams, NoContent, problemResponses } from '../schemas/common';
import {
  CampaignActionParams, CampaignBody, CampaignPage, CampaignQuery, CampaignSchema, PreferenceList, PreferencesBody, ReachSchema, SenderList,
  SuppressionBody, SuppressionPage, SuppressionRemovalBody, SuppressionQuery, SuppressionSchema, TopicBody, TopicList, TopicParams, TopicSchema, UnsubscribeBody,
  UnsubscribeInfo, UnsubscribeParams,
} from '../schemas/newsletters';
import { campaignAction, campaignDto, campaignPage, configuredSenders, editCampaign, newCampaign, reach } from '../services/newsletters/campaigns';
import { preferences, putTopic, savePreferences, suppress, suppressionPage, topics, unsubscribe, unsubscribeInfo, unsuppress } from '../services/newsletters/consent';

const FORM = 'application/x-www-form-urlencoded';
/** Unsubscribe links are public: a few per minute per IP is plenty for a person and slows a token guesser. */
const UNSUBSCRIBE_PER_MINUTE = 30;

/** Newsletters: campaigns and their sending (admins), topics and suppression list (admins), preferences (signed-in), one-click unsubscribe (public). */
export default async function newsletterRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const admin = app.requireRole('admin');
  const signedIn = app.requireRole('partner', 'staff', 'admin');
  const tags = ['newsletters'];
  const perIp = { max: UNSUBSCRIBE_PER_MINUTE, timeWindow: 60_000, keyGenerator: (req: FastifyRequest) => `ip:${req.ip}` };

  // RFC 8058: mail clients POST `List-Unsubscribe=One-Click` as a form. Parsed here only (this plugin's scope).
  app.addContentTypeParser(FORM, { parseAs: 'string', bodyLimit: 1024 }, (_req, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });

  // ---------- public: unsubscribe ----------

  app.post('/api/newsletters/unsubscribe/:token', {
    config: { public: true, rateLimit: perIp, bodyTypes: [FORM] },
    schema: { tags, summary: 'Désabonnement en un clic (RFC 8058), sans cookie', params: UnsubscribeParams, body: UnsubscribeBody, response: { 204: NoContent, ...problemResponses } },
  }, async (request, reply) => {
    await unsubscribe(app, request.params.token);
    return reply.code(204).send();
  });

  app.get('/api/newsletters/unsubscribe/:token', {
    config: { public: true, rateLimit: perIp },
    schema: { tags, summary: 'Lien de désabonnement ouvert dans un navigateur : renvoie vers la page de confirmation (un GET ne change rien)', params: UnsubscribeParams, response: { 303: NoContent, ...problemResponses } },
  }, async (request, reply) => reply.redirect(`/newsletters/unsubscribe/${encodeURIComponent(request.params.token)}`, 303));

  app.get('/api/newsletters/unsubscribe/:token/info', {
    config: { public: true, rateLimit: perIp },
    schema: { tags, summary: 'Ce que la page de confirmation affiche', params: UnsubscribeParams, response: { 200: UnsubscribeInfo, ...problemResponses } },
  }, async (request) => unsubscribeInfo(app, request.params.token));

  // ---------- signed-in: preferences ----------

  app.get('/api/newsletters/preferences', {
    preHandler: signedIn,
    schema: { tags, summary: 'Mes lettres : les thèmes et mon abonnement à chacun', response: { 200: PreferenceList, ...problemResponses } },
  }, async (request) => preferences(app, request.principal!.userId));

  app.put('/api/newsletters/preferences', {
    preHandler: signedIn,
    schema: { tags, summary: 'Mes lettres : s’abonner ou se désabonner de thèmes', body: PreferencesBody, response: { 200: PreferenceList, ...problemResponses } },
  }, async (request) => savePreferences(app, request.principal!.userId, request.body.topics));

  // ---------- admins: topics, senders, suppression list ----------

  app.get('/api/newsletters/topics', {
    preHandler: admin,
    schema: { tags, summary: 'Thèmes des lettres (actifs et inactifs)', response: { 200: TopicList, ...problemResponses } },
  }, async () => topics(app));

  app.put('/api/newsletters/topics/:topicId', {
    preHandler: admin,
    schema: { tags, summary: 'Crée ou modifie un thème', params: TopicParams, body: TopicBody, response: { 200: TopicSchema, ...problemResponses } },
  }, async (request) => putTopic(app, request.params.topicId, request.body));

  app.get('/api/newsletters/senders', {
    preHandler: admin,
    schema: { tags, summary: 'Expéditeurs configurés', response: { 200: SenderList, ...problemResponses } },
  }, async () => ({ items: configuredSenders(app.config) }));

  app.get('/api/newsletters/suppressions', {
    preHandler: admin,
    schema: { tags, summary: 'Liste d’exclusion (rebonds définitifs, plaintes, désabonnements globaux), recherche par adresse', querystring: SuppressionQuery, response: { 200: SuppressionPage, ...problemResponses } },
  }, async (request) => suppressionPage(app, request.query));

  app.post('/api/newsletters/suppressions', {
    preHandler: admin,
    schema: { tags, summary: 'Exclut une adresse (plainte reçue, rebond signalé)', body: SuppressionBody, response: { 201: SuppressionSchema, ...problemResponses } },
  }, async (request, reply) => reply.code(201).send(await suppress(app, request.body, request.principal!.userId)));

  app.post('/api/newsletters/suppressions/removals', {
    preHandler: admin,
    schema: { tags, summary: 'Retire une adresse de la liste d’exclusion, avec un motif (journal d’audit)', body: SuppressionRemovalBody, response: { 204: NoContent, ...problemResponses } },
  }, async (request, reply) => {
    await unsuppress(app, request.body, request.principal!.userId);
    return reply.code(204).send();
  });

  // ---------- admins: campaigns ----------

  app.get('/api/newsletters/campaigns', {
    preHandler: admin,
    schema: { tags, summary: 'Campagnes, les plus récentes d’abord, avec leur progression', querystring: CampaignQuery, response: { 200: CampaignPage, ...problemResponses } },
  }, async (request) => campaignPage(app, request.query));

  app.post('/api/newsletters/campaigns', {
    preHandler: admin,
    schema: { tags, summary: 'Nouveau brouillon de campagne', body: CampaignBody, response: { 201: CampaignSchema, ...problemResponses } },
  }, async (request, reply) => reply.code(201).send(await newCampaign(app, request.body, request.principal!.userId)));

  app.get('/api/newsletters/campaigns/:id', {
    preHandler: admin,
    schema: { tags, summary: 'Une campagne et sa progression (envoyés, échecs, restants, débit, temps restant)', params: IdParams, response: { 200: CampaignSchema, ...problemResponses } },
  }, async (request) => campaignDto(app, request.params.id));

  app.put('/api/newsletters/campaigns/:id', {
    preHandler: admin,
    schema: { tags, summary: 'Modifie un brouillon', params: IdParams, body: CampaignBody, response: { 200: CampaignSchema, ...problemResponses } },
  }, async (request) => editCampaign(app, request.params.id, request.body));

  app.get('/api/newsletters/campaigns/:id/reach', {
    preHandler: admin,
    schema: { tags, summary: 'Nombre de destinataires qu’un lancement figerait maintenant', params: IdParams, response: { 200: ReachSchema, ...problemResponses } },
  }, async (request) => reach(app, request.params.id));

  app.post('/api/newsletters/campaigns/:id/:action', {
    preHandler: admin,
    schema: { tags, summary: 'Lance, met en pause, reprend, annule une campagne, ou renvoie les destinataires « incertains »', params: CampaignActionParams, response: { 200: CampaignSchema, ...problemResponses } },
  }, async (request) => campaignAction(app, request.params.id, request.params.action));
}
