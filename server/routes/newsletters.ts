import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { IdParams, NoContent, ProblemSchema } from '../schemas/common';
import { routeFile } from '../lib/route';
import { requestLocale } from '../i18n';
import {
  CampaignActionParams, CampaignBody, CampaignPage, CampaignQuery, CampaignSchema, PreferenceList, PreferencesBody, ReachSchema, SenderList,
  SuppressionBody, SuppressionPage, SuppressionRemovalBody, SuppressionQuery, SuppressionSchema, TopicBody, TopicList, TopicParams, TopicSchema, UnsubscribeBody,
  UnsubscribeInfo, UnsubscribeParams, CampaignCountsSchema, LinkParams,
  ArchiveBody, ArchiveLetterSchema, ArchivePage, ArchiveQuery, CheckList, ImageParams, ImageSchema, LangQuery, PreviewSchema, ScheduleBody, TestSentSchema,
} from '../schemas/newsletters';
import { campaignAction, campaignDto, campaignPage, configuredSenders, editCampaign, newCampaign, reach } from '../services/newsletters/campaigns';
import { archive, archivedLetter, archivePage, duplicate, previewOf, schedule, sendTest } from '../services/newsletters/composer';
import { checksOf } from '../services/newsletters/checks';
import { sendImage, uploadImage } from '../services/newsletters/images';
import { campaignCounts, followLink } from '../services/newsletters/links';
import { preferences, putTopic, savePreferences, suppress, suppressionPage, topics, unsubscribe, unsubscribeInfo, unsuppress } from '../services/newsletters/consent';

const FORM = 'application/x-www-form-urlencoded';
/** Unsubscribe links are public: a few per minute per IP is plenty for a person and slows a token guesser. */
const UNSUBSCRIBE_PER_MINUTE = 30;

/** Newsletters: campaigns and their sending (admins), topics and suppression list (admins), preferences (signed-in), one-click unsubscribe (public). */
export default async function newsletterRoutes(fastify: FastifyInstance) {
  const { app, route, anyone, admin } = routeFile(fastify, ['newsletters']);
  const perIp = { max: UNSUBSCRIBE_PER_MINUTE, timeWindow: 60_000, keyGenerator: (req: FastifyRequest) => `ip:${req.ip}` };
  const open = { public: true, rateLimit: perIp } as const;

  // The composer's image uploads (this plugin's scope only).
  await app.register(multipart, { throwFileSizeLimit: true });
  // RFC 8058: mail clients POST `List-Unsubscribe=One-Click` as a form. Parsed here only (this plugin's scope).
  app.addContentTypeParser(FORM, { parseAs: 'string', bodyLimit: 1024 }, (_req, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });

  // ---------- public: unsubscribe ----------

  app.post('/api/newsletters/unsubscribe/:token', route({ ...open, bodyTypes: [FORM] }, 'Désabonnement en un clic (RFC 8058), sans cookie', { 204: NoContent }, { params: UnsubscribeParams, body: UnsubscribeBody }), async (request, reply) => {
    await unsubscribe(app, request.params.token);
    return reply.code(204).send();
  });

  app.get('/api/newsletters/unsubscribe/:token', route(open, 'Lien de désabonnement ouvert dans un navigateur : renvoie vers la page de confirmation (un GET ne change rien)', { 303: NoContent }, { params: UnsubscribeParams }),
    async (request, reply) => reply.redirect(`/lettres/desinscription/${encodeURIComponent(request.params.token)}`, 303));

  app.get('/api/newsletters/unsubscribe/:token/info', route(open, 'Ce que la page de confirmation affiche', { 200: UnsubscribeInfo }, { params: UnsubscribeParams }),
    async (request) => unsubscribeInfo(app, request.params.token));

  // ---------- public: a counted link (the same URL for every recipient: a count per link, never who) ----------

  app.get('/api/newsletters/l/:token', route(open, 'Lien d’une lettre : compte un clic (sans savoir qui) et renvoie vers l’adresse enregistrée', { 302: NoContent }, { params: LinkParams }),
    async (request, reply) => reply.redirect(await followLink(app, request.params.token), 302));

  // ---------- signed-in: preferences ----------

  app.get('/api/newsletters/preferences', route(anyone, 'Mes lettres : les thèmes et mon abonnement à chacun', { 200: PreferenceList }),
    async (request) => preferences(app, request.principal!.userId));

  app.put('/api/newsletters/preferences', route(anyone, 'Mes lettres : s’abonner ou se désabonner de thèmes', { 200: PreferenceList }, { body: PreferencesBody }),
    async (request) => savePreferences(app, request.principal!.userId, request.body.topics));

  // ---------- admins: topics, senders, suppression list ----------

  app.get('/api/newsletters/topics', route(admin, 'Thèmes des lettres (actifs et inactifs)', { 200: TopicList }),
    async () => topics(app));

  app.put('/api/newsletters/topics/:topicId', route(admin, 'Crée ou modifie un thème', { 200: TopicSchema }, { params: TopicParams, body: TopicBody }),
    async (request) => putTopic(app, request.params.topicId, request.body));

  app.get('/api/newsletters/senders', route(admin, 'Expéditeurs configurés', { 200: SenderList }),
    async () => ({ items: configuredSenders(app.config) }));

  app.get('/api/newsletters/suppressions', route(admin, 'Liste d’exclusion (rebonds définitifs, plaintes, désabonnements globaux), recherche par adresse', { 200: SuppressionPage }, { querystring: SuppressionQuery }),
    async (request) => suppressionPage(app, request.query));

  app.post('/api/newsletters/suppressions', route(admin, 'Exclut une adresse (plainte reçue, rebond signalé)', { 201: SuppressionSchema }, { body: SuppressionBody }),
    async (request, reply) => reply.code(201).send(await suppress(app, request.body, request.principal!.userId)));

  app.post('/api/newsletters/suppressions/removals', route(admin, 'Retire une adresse de la liste d’exclusion, avec un motif (journal d’audit)', { 204: NoContent }, { body: SuppressionRemovalBody }), async (request, reply) => {
    await unsuppress(app, request.body, request.principal!.userId);
    return reply.code(204).send();
  });

  // ---------- admins: campaigns ----------

  app.get('/api/newsletters/campaigns', route(admin, 'Campagnes, les plus récentes d’abord, avec leur progression', { 200: CampaignPage }, { querystring: CampaignQuery }),
    async (request) => campaignPage(app, request.query));

  app.post('/api/newsletters/campaigns', route(admin, 'Nouveau brouillon de campagne', { 201: CampaignSchema }, { body: CampaignBody }),
    async (request, reply) => reply.code(201).send(await newCampaign(app, request.body, request.principal!.userId)));

  app.get('/api/newsletters/campaigns/:id', route(admin, 'Une campagne et sa progression (envoyés, échecs, restants, débit, temps restant)', { 200: CampaignSchema }, { params: IdParams }),
    async (request) => campaignDto(app, request.params.id));

  app.put('/api/newsletters/campaigns/:id', route(admin, 'Modifie un brouillon', { 200: CampaignSchema }, { params: IdParams, body: CampaignBody }),
    async (request) => editCampaign(app, request.params.id, request.body));

  app.get('/api/newsletters/campaigns/:id/counts', route(admin, 'Comptes agrégés : clics par lien et désabonnements du thème depuis le lancement (aucune ouverture ni clic individuel enregistré)', { 200: CampaignCountsSchema }, { params: IdParams }),
    async (request) => campaignCounts(app, request.params.id));

  app.get('/api/newsletters/campaigns/:id/reach', route(admin, 'Nombre de destinataires qu’un lancement figerait maintenant', { 200: ReachSchema }, { params: IdParams }),
    async (request) => reach(app, request.params.id));

  app.post('/api/newsletters/campaigns/:id/:action', route(admin, 'Lance, met en pause, reprend, annule une campagne, ou renvoie les destinataires « incertains »', { 200: CampaignSchema }, { params: CampaignActionParams }),
    async (request) => campaignAction(app, request.params.id, request.params.action));

  // ---------- composer (admins): images, checks, preview, test send, duplicate, schedule, archive flag ----------

  app.post('/api/newsletters/images', {
    ...route(admin, 'Image d’une lettre (multipart : alt, file) : redimensionnée, servie par une adresse publique non devinable', { 201: ImageSchema, 413: ProblemSchema, 415: ProblemSchema }),
    config: { bodyTypes: ['multipart/form-data'] },
  }, async (request, reply) => reply.code(201).send(await uploadImage(app, request, request.principal!.userId)));

  // Public: mail clients load images without a session (the token is 32 random bytes, and only newsletter images are served here).
  app.get('/api/newsletters/images/:token', route({ public: true }, 'Image d’une lettre (publique, adresse non devinable)', {}, { params: ImageParams }),
    async (request, reply) => sendImage(app, request.params.token, reply));

  app.get('/api/newsletters/campaigns/:id/checks', route(admin, 'Vérifications avant l’envoi (textes alternatifs, objet, désabonnement, texte brut, liens, champs personnels)', { 200: CheckList }, { params: IdParams }),
    async (request) => checksOf(app, request.params.id));

  app.get('/api/newsletters/campaigns/:id/preview', route(admin, 'Aperçu : le message HTML et sa version texte, avec mes propres champs personnels', { 200: PreviewSchema }, { params: IdParams, querystring: LangQuery }),
    async (request) => previewOf(app, request.params.id, request.principal!.userId, request.query.lang ?? requestLocale(request)));

  app.post('/api/newsletters/campaigns/:id/test', route(admin, 'Envoi de test à moi-même (objet marqué [TEST])', { 202: TestSentSchema }, { params: IdParams }),
    async (request, reply) => reply.code(202).send(await sendTest(app, request.params.id, request.principal!.userId)));

  app.post('/api/newsletters/campaigns/:id/duplicate', route(admin, 'Duplique une campagne en un nouveau brouillon', { 201: CampaignSchema }, { params: IdParams }),
    async (request, reply) => reply.code(201).send(await duplicate(app, request.params.id, request.principal!.userId, requestLocale(request))));

  app.put('/api/newsletters/campaigns/:id/schedule', route(admin, 'Programme (ou reprogramme) l’envoi ; `at: null` la ramène au brouillon', { 200: CampaignSchema }, { params: IdParams, body: ScheduleBody }),
    async (request) => schedule(app, request.params.id, request.body.at));

  app.put('/api/newsletters/campaigns/:id/archive', route(admin, 'Montre (ou retire) une campagne terminée dans les archives des partenaires', { 200: CampaignSchema }, { params: IdParams, body: ArchiveBody }),
    async (request) => archive(app, request.params.id, request.body.archived));

  // ---------- signed-in: the web archive ----------

  app.get('/api/newsletters/archive', route(anyone, 'Archives : les lettres envoyées, pour les professionnels de leur public', { 200: ArchivePage }, { querystring: ArchiveQuery }),
    async (request) => archivePage(app, request.principal!, request.query));

  app.get('/api/newsletters/archive/:id', route(anyone, 'Une lettre des archives, sans champ personnel ni lien de désabonnement', { 200: ArchiveLetterSchema }, { params: IdParams, querystring: LangQuery }),
    async (request) => archivedLetter(app, request.principal!, request.params.id, request.query.lang ?? requestLocale(request)));
}
