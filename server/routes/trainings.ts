import type { FastifyInstance, FastifyReply } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { IdParams, problemResponses } from '../schemas/common';
import {
  AttendanceBody, CalendarFeed, CancelSessionBody, ColleagueList, CreateSessionBody, CreateTrainingBody, FeedParams, HistoryList,
  MyRegistrations, NextQuery, NextSessions, OfferResult, OfferView, RegistrationGroups, RegistrationSchema, SessionDetailSchema,
  SessionList, type SessionList as SessionListBody, SessionListQuery, SignUpBody, StaffSessionList, StaffSessionQuery, SurveyBody, SurveySummary, SurveyView, TokenParams,
  TrainingList, TrainingListQuery, TrainingSchema, UpdateSessionBody, UpdateTrainingBody,
} from '../schemas/trainings';
import * as catalogue from '../services/trainings/catalogue';
import * as files from '../services/trainings/files';
import * as links from '../services/trainings/links';
import * as me from '../services/trainings/me';
import * as registrations from '../services/trainings/registrations';
import { createSessionList } from '../services/trainings/session-list';
import * as sessions from '../services/trainings/sessions';
import { colleagues, signUp } from '../services/trainings/sign-up';

const tags = ['formations'];
const File = (description: string) => Type.String({ description });

function sendFile(reply: FastifyReply, file: files.FileOut) {
  return reply
    .header('content-type', file.type)
    .header('content-disposition', `${file.inline ? 'inline' : 'attachment'}; filename="${file.filename.replace(/[^A-Za-z0-9._-]/g, '_')}"`)
    .header('cache-control', 'private, no-store')
    .send(Buffer.isBuffer(file.body) ? file.body : Buffer.from(file.body, 'utf8'));
}

/**
 * Trainings: catalogue, sessions, sign-up and waiting list, offers and
 * surveys from e-mail links, attendance, exports and calendars. HTTP only:
 * schema, access, one call into server/services/trainings/ (which maps rows
 * and refusals); types: server/schemas/trainings.ts.
 */
export default async function trainingRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const staff = app.requireRole('staff', 'admin');
  const anyone = app.requireUser;
  const sessionList = createSessionList(app.db, app.changes);

  // ---------- catalogue ----------

  app.get('/api/trainings', {
    preHandler: anyone,
    schema: { tags, summary: 'Catalogue des formations', querystring: TrainingListQuery, response: { 200: TrainingList, ...problemResponses } },
  }, async (request) => catalogue.listTrainings(app, request.principal!, request.query));

  app.post('/api/trainings', {
    preHandler: staff,
    schema: { tags, summary: 'Crée une formation', body: CreateTrainingBody, response: { 201: TrainingSchema, ...problemResponses } },
  }, async (request, reply) => reply.code(201).send(await catalogue.createTraining(app, request.principal!, request.body)));

  app.get('/api/trainings/:id', {
    preHandler: anyone,
    schema: { tags, summary: 'Une formation', params: IdParams, response: { 200: TrainingSchema, ...problemResponses } },
  }, async (request) => catalogue.getTraining(app, request.params.id));

  app.patch('/api/trainings/:id', {
    preHandler: staff,
    schema: { tags, summary: 'Modifie une formation', params: IdParams, body: UpdateTrainingBody, response: { 200: TrainingSchema, ...problemResponses } },
  }, async (request) => catalogue.updateTraining(app, request.params.id, request.body));

  app.post('/api/trainings/:id/sessions', {
    preHandler: staff,
    schema: { tags, summary: 'Crée une session', params: IdParams, body: CreateSessionBody, response: { 201: SessionDetailSchema, ...problemResponses } },
  }, async (request, reply) => reply.code(201).send(await sessions.createSession(app, request.principal!, request.params.id, request.body)));

  // ---------- sessions ----------

  app.get('/api/trainings/sessions', {
    preHandler: anyone,
    schema: { tags, summary: 'Sessions à venir (filtres, pagination par curseur)', querystring: SessionListQuery, response: { 200: SessionList, ...problemResponses } },
  }, async (request, reply) => {
    const { limit = 20, ...filters } = request.query;
    // JSON built by PostgreSQL in the SessionList shape, sent as is (the hot read path).
    const body = await sessionList.json(request.principal!.userId, { ...filters, limit });
    return reply.type('application/json; charset=utf-8').send(body as unknown as SessionListBody);
  });

  app.get('/api/trainings/staff/sessions', {
    preHandler: staff,
    schema: { tags, summary: 'Tableau des sessions (tous statuts)', querystring: StaffSessionQuery, response: { 200: StaffSessionList, ...problemResponses } },
  }, async (request) => sessions.listStaffSessions(app, request.query));

  app.get('/api/trainings/sessions/:id', {
    preHandler: anyone,
    schema: { tags, summary: 'Une session', params: IdParams, response: { 200: SessionDetailSchema, ...problemResponses } },
  }, async (request) => sessions.getSession(app, request.principal!, request.params.id));

  app.patch('/api/trainings/sessions/:id', {
    preHandler: staff,
    schema: { tags, summary: 'Modifie une session (les inscrits sont prévenus d’un changement d’horaire ou de lieu)', params: IdParams, body: UpdateSessionBody, response: { 200: SessionDetailSchema, ...problemResponses } },
  }, async (request) => sessions.updateSession(app, request.principal!, request.params.id, request.body));

  app.post('/api/trainings/sessions/:id/cancel', {
    preHandler: staff,
    schema: { tags, summary: 'Annule une session (les inscrits sont prévenus)', params: IdParams, body: CancelSessionBody, response: { 200: SessionDetailSchema, ...problemResponses } },
  }, async (request) => sessions.cancelSession(app, request.principal!, request.params.id, request.body?.reason));

  app.get('/api/trainings/sessions/:id/session.ics', {
    preHandler: anyone,
    schema: { tags, summary: 'Fichier agenda (.ics) de la session', params: IdParams, response: { 200: File('text/calendar'), ...problemResponses } },
  }, async (request, reply) => sendFile(reply, await files.sessionIcs(app, request.principal!, request.params.id)));

  // ---------- registrations ----------

  app.post('/api/trainings/sessions/:id/registrations', {
    preHandler: anyone,
    schema: { tags, summary: 'Inscrit soi-même, un collègue (partenaire) ou quiconque (personnel)', params: IdParams, body: SignUpBody, response: { 201: RegistrationSchema, ...problemResponses } },
  }, async (request, reply) => reply.code(201).send(await signUp(app, request.principal!, request.params.id, request.body?.userId)));

  app.get('/api/trainings/sessions/:id/colleagues', {
    preHandler: app.requireRole('partner'),
    schema: { tags, summary: 'Collègues de mon établissement et leur inscription', params: IdParams, response: { 200: ColleagueList, ...problemResponses } },
  }, async (request) => colleagues(app, request.principal!, request.params.id));

  app.get('/api/trainings/sessions/:id/registrations', {
    preHandler: staff,
    schema: { tags, summary: 'Inscrits, places proposées, liste d’attente et historique des inscriptions', params: IdParams, response: { 200: RegistrationGroups, ...problemResponses } },
  }, async (request) => registrations.sessionRegistrations(app, request.principal!, request.params.id));

  app.get('/api/trainings/sessions/:id/history', {
    preHandler: staff,
    schema: { tags, summary: 'Historique des mouvements (inscription, proposition, acceptation...)', params: IdParams, response: { 200: HistoryList, ...problemResponses } },
  }, async (request) => registrations.sessionHistory(app, request.principal!, request.params.id));

  app.post('/api/trainings/registrations/:id/cancel', {
    preHandler: anyone,
    schema: { tags, summary: 'Annule une inscription ou quitte la liste d’attente', params: IdParams, response: { 200: RegistrationSchema, ...problemResponses } },
  }, async (request) => registrations.cancelRegistration(app, request.principal!, request.params.id));

  app.post('/api/trainings/registrations/:id/accept', {
    preHandler: anyone,
    schema: { tags, summary: 'Accepte la place proposée', params: IdParams, response: { 200: RegistrationSchema, ...problemResponses } },
  }, async (request) => registrations.respondToOffer(app, request.principal!, request.params.id, true));

  app.post('/api/trainings/registrations/:id/decline', {
    preHandler: anyone,
    schema: { tags, summary: 'Refuse la place proposée', params: IdParams, response: { 200: RegistrationSchema, ...problemResponses } },
  }, async (request) => registrations.respondToOffer(app, request.principal!, request.params.id, false));

  app.post('/api/trainings/registrations/:id/promote', {
    preHandler: staff,
    schema: { tags, summary: 'Confirme directement une personne en attente', params: IdParams, response: { 200: RegistrationSchema, ...problemResponses } },
  }, async (request) => registrations.promote(app, request.principal!, request.params.id));

  app.put('/api/trainings/registrations/:id/attendance', {
    preHandler: staff,
    schema: { tags, summary: 'Présence (présent / absent)', params: IdParams, body: AttendanceBody, response: { 200: RegistrationSchema, ...problemResponses } },
  }, async (request) => registrations.setAttendance(app, request.params.id, request.body.attendance));

  app.get('/api/trainings/registrations/:id/certificate.pdf', {
    preHandler: anyone,
    schema: { tags, summary: 'Attestation de présence (PDF)', params: IdParams, response: { 200: File('application/pdf'), ...problemResponses } },
  }, async (request, reply) => sendFile(reply, await files.certificate(app, request.principal!, request.params.id)));

  // ---------- staff exports ----------

  app.get('/api/trainings/sessions/:id/registrants.csv', {
    preHandler: staff,
    schema: { tags, summary: 'Liste des inscrits (CSV pour tableur français)', params: IdParams, response: { 200: File('text/csv'), ...problemResponses } },
  }, async (request, reply) => sendFile(reply, await files.registrantsCsv(app, request.principal!, request.params.id)));

  app.get('/api/trainings/sessions/:id/signature-sheet.pdf', {
    preHandler: staff,
    schema: { tags, summary: 'Feuille d’émargement (PDF)', params: IdParams, response: { 200: File('application/pdf'), ...problemResponses } },
  }, async (request, reply) => sendFile(reply, await files.signatureSheet(app, request.principal!, request.params.id)));

  app.get('/api/trainings/sessions/:id/survey', {
    preHandler: staff,
    schema: { tags, summary: 'Synthèse du questionnaire de satisfaction', params: IdParams, response: { 200: SurveySummary, ...problemResponses } },
  }, async (request) => files.sessionSurvey(app, request.principal!, request.params.id));

  // ---------- e-mail links (public; GET never changes anything) ----------

  app.get('/api/trainings/offers/:token', {
    config: { public: true },
    schema: { tags, summary: 'Proposition de place (lien de l’e-mail) : état, sans rien modifier', params: TokenParams, response: { 200: OfferView, ...problemResponses } },
  }, async (request) => links.offerView(app, request.params.token));

  for (const action of ['accept', 'decline'] as const) {
    app.post(`/api/trainings/offers/:token/${action}`, {
      config: { public: true },
      schema: { tags, summary: action === 'accept' ? 'Accepte la place proposée (lien de l’e-mail)' : 'Refuse la place proposée (lien de l’e-mail)', params: TokenParams, response: { 200: OfferResult, ...problemResponses } },
    }, async (request) => links.answerOffer(app, request.params.token, action === 'accept'));
  }

  app.get('/api/trainings/surveys/:token', {
    config: { public: true },
    schema: { tags, summary: 'Questionnaire de satisfaction (lien de l’e-mail)', params: TokenParams, response: { 200: SurveyView, ...problemResponses } },
  }, async (request) => links.surveyView(app, request.params.token));

  app.post('/api/trainings/surveys/:token', {
    config: { public: true },
    schema: { tags, summary: 'Répond au questionnaire (une fois)', params: TokenParams, body: SurveyBody, response: { 204: Type.Null(), ...problemResponses } },
  }, async (request, reply) => {
    await links.answerSurvey(app, request.params.token, request.body);
    return reply.code(204).send(null);
  });

  // ---------- me ----------

  app.get('/api/trainings/me/registrations', {
    preHandler: anyone,
    schema: { tags, summary: 'Mes formations : à venir, en attente, passées', response: { 200: MyRegistrations, ...problemResponses } },
  }, async (request) => me.myRegistrations(app, request.principal!));

  app.get('/api/trainings/me/next', {
    preHandler: anyone,
    schema: { tags, summary: 'Mes prochaines sessions (tableau de bord)', querystring: NextQuery, response: { 200: NextSessions, ...problemResponses } },
  }, async (request) => me.myNextSessions(app, request.principal!, request.query.limit ?? 3));

  app.get('/api/trainings/me/calendar-feed', {
    preHandler: anyone,
    schema: { tags, summary: 'Adresse de mon agenda privé (null si aucun)', response: { 200: CalendarFeed, ...problemResponses } },
  }, async (request) => me.calendarFeed(app, request.principal!));

  app.post('/api/trainings/me/calendar-feed', {
    preHandler: anyone,
    schema: { tags, summary: 'Crée ou remplace l’adresse de mon agenda privé (l’ancienne cesse de fonctionner)', response: { 200: CalendarFeed, ...problemResponses } },
  }, async (request) => me.resetFeed(app, request.principal!));

  app.delete('/api/trainings/me/calendar-feed', {
    preHandler: anyone,
    schema: { tags, summary: 'Révoque l’adresse de mon agenda privé', response: { 204: Type.Null(), ...problemResponses } },
  }, async (request, reply) => {
    await me.revokeFeed(app, request.principal!);
    return reply.code(204).send(null);
  });

  app.get('/api/trainings/calendar/:token', {
    config: { public: true },
    schema: { tags, summary: 'Agenda privé (secret) des sessions confirmées d’un utilisateur', params: FeedParams, response: { 200: File('text/calendar'), ...problemResponses } },
  }, async (request, reply) => sendFile(reply, await files.feedIcs(app, request.params.token)));
}
