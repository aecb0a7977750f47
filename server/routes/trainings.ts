import type { FastifyInstance, FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { IdParams } from '../schemas/common';
import { routeFile } from '../lib/route';
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
  const { app, route, anyone, partner, staff } = routeFile(fastify, ['formations']);
  // E-mail links: the token is the access.
  const open = { public: true } as const;
  const sessionList = createSessionList(app.db, app.changes);

  // ---------- catalogue ----------

  app.get('/api/trainings', route(anyone, 'Catalogue des formations', { 200: TrainingList }, { querystring: TrainingListQuery }),
    async (request) => catalogue.listTrainings(app, request.principal!, request.query));

  app.post('/api/trainings', route(staff, 'Crée une formation', { 201: TrainingSchema }, { body: CreateTrainingBody }),
    async (request, reply) => reply.code(201).send(await catalogue.createTraining(app, request.principal!, request.body)));

  app.get('/api/trainings/:id', route(anyone, 'Une formation', { 200: TrainingSchema }, { params: IdParams }),
    async (request) => catalogue.getTraining(app, request.params.id));

  app.patch('/api/trainings/:id', route(staff, 'Modifie une formation', { 200: TrainingSchema }, { params: IdParams, body: UpdateTrainingBody }),
    async (request) => catalogue.updateTraining(app, request.params.id, request.body));

  app.post('/api/trainings/:id/sessions', route(staff, 'Crée une session', { 201: SessionDetailSchema }, { params: IdParams, body: CreateSessionBody }),
    async (request, reply) => reply.code(201).send(await sessions.createSession(app, request.principal!, request.params.id, request.body)));

  // ---------- sessions ----------

  app.get('/api/trainings/sessions', route(anyone, 'Sessions à venir (filtres, pagination par curseur)', { 200: SessionList }, { querystring: SessionListQuery }), async (request, reply) => {
    const { limit = 20, ...filters } = request.query;
    // JSON built by PostgreSQL in the SessionList shape, sent as is (the hot read path).
    const body = await sessionList.json(request.principal!.userId, { ...filters, limit });
    return reply.type('application/json; charset=utf-8').send(body as unknown as SessionListBody);
  });

  app.get('/api/trainings/staff/sessions', route(staff, 'Tableau des sessions (tous statuts)', { 200: StaffSessionList }, { querystring: StaffSessionQuery }),
    async (request) => sessions.listStaffSessions(app, request.query));

  app.get('/api/trainings/sessions/:id', route(anyone, 'Une session', { 200: SessionDetailSchema }, { params: IdParams }),
    async (request) => sessions.getSession(app, request.principal!, request.params.id));

  app.patch('/api/trainings/sessions/:id', route(staff, 'Modifie une session (les inscrits sont prévenus d’un changement d’horaire ou de lieu)', { 200: SessionDetailSchema }, { params: IdParams, body: UpdateSessionBody }),
    async (request) => sessions.updateSession(app, request.principal!, request.params.id, request.body));

  app.post('/api/trainings/sessions/:id/cancel', route(staff, 'Annule une session (les inscrits sont prévenus)', { 200: SessionDetailSchema }, { params: IdParams, body: CancelSessionBody }),
    async (request) => sessions.cancelSession(app, request.principal!, request.params.id, request.body?.reason));

  app.get('/api/trainings/sessions/:id/session.ics', route(anyone, 'Fichier agenda (.ics) de la session', { 200: File('text/calendar') }, { params: IdParams }),
    async (request, reply) => sendFile(reply, await files.sessionIcs(app, request.principal!, request.params.id)));

  // ---------- registrations ----------

  app.post('/api/trainings/sessions/:id/registrations', route(anyone, 'Inscrit soi-même, un collègue (partenaire) ou quiconque (personnel)', { 201: RegistrationSchema }, { params: IdParams, body: SignUpBody }),
    async (request, reply) => reply.code(201).send(await signUp(app, request.principal!, request.params.id, request.body?.userId)));

  app.get('/api/trainings/sessions/:id/colleagues', route(partner, 'Collègues de mon établissement et leur inscription', { 200: ColleagueList }, { params: IdParams }),
    async (request) => colleagues(app, request.principal!, request.params.id));

  app.get('/api/trainings/sessions/:id/registrations', route(staff, 'Inscrits, places proposées, liste d’attente et historique des inscriptions', { 200: RegistrationGroups }, { params: IdParams }),
    async (request) => registrations.sessionRegistrations(app, request.principal!, request.params.id));

  app.get('/api/trainings/sessions/:id/history', route(staff, 'Historique des mouvements (inscription, proposition, acceptation...)', { 200: HistoryList }, { params: IdParams }),
    async (request) => registrations.sessionHistory(app, request.principal!, request.params.id));

  app.post('/api/trainings/registrations/:id/cancel', route(anyone, 'Annule une inscription ou quitte la liste d’attente', { 200: RegistrationSchema }, { params: IdParams }),
    async (request) => registrations.cancelRegistration(app, request.principal!, request.params.id));

  app.post('/api/trainings/registrations/:id/accept', route(anyone, 'Accepte la place proposée', { 200: RegistrationSchema }, { params: IdParams }),
    async (request) => registrations.respondToOffer(app, request.principal!, request.params.id, true));

  app.post('/api/trainings/registrations/:id/decline', route(anyone, 'Refuse la place proposée', { 200: RegistrationSchema }, { params: IdParams }),
    async (request) => registrations.respondToOffer(app, request.principal!, request.params.id, false));

  app.post('/api/trainings/registrations/:id/promote', route(staff, 'Confirme directement une personne en attente', { 200: RegistrationSchema }, { params: IdParams }),
    async (request) => registrations.promote(app, request.principal!, request.params.id));

  app.put('/api/trainings/registrations/:id/attendance', route(staff, 'Présence (présent / absent)', { 200: RegistrationSchema }, { params: IdParams, body: AttendanceBody }),
    async (request) => registrations.setAttendance(app, request.params.id, request.body.attendance));

  app.get('/api/trainings/registrations/:id/certificate.pdf', route(anyone, 'Attestation de présence (PDF)', { 200: File('application/pdf') }, { params: IdParams }),
    async (request, reply) => sendFile(reply, await files.certificate(app, request.principal!, request.params.id)));

  // ---------- staff exports ----------

  app.get('/api/trainings/sessions/:id/registrants.csv', route(staff, 'Liste des inscrits (CSV pour tableur français)', { 200: File('text/csv') }, { params: IdParams }),
    async (request, reply) => sendFile(reply, await files.registrantsCsv(app, request.principal!, request.params.id)));

  app.get('/api/trainings/sessions/:id/signature-sheet.pdf', route(staff, 'Feuille d’émargement (PDF)', { 200: File('application/pdf') }, { params: IdParams }),
    async (request, reply) => sendFile(reply, await files.signatureSheet(app, request.principal!, request.params.id)));

  app.get('/api/trainings/sessions/:id/survey', route(staff, 'Synthèse du questionnaire de satisfaction', { 200: SurveySummary }, { params: IdParams }),
    async (request) => files.sessionSurvey(app, request.principal!, request.params.id));

  // ---------- e-mail links (public; GET never changes anything) ----------

  app.get('/api/trainings/offers/:token', route(open, 'Proposition de place (lien de l’e-mail) : état, sans rien modifier', { 200: OfferView }, { params: TokenParams }),
    async (request) => links.offerView(app, request.params.token));

  for (const action of ['accept', 'decline'] as const) {
    const summary = action === 'accept' ? 'Accepte la place proposée (lien de l’e-mail)' : 'Refuse la place proposée (lien de l’e-mail)';
    app.post(`/api/trainings/offers/:token/${action}`, route(open, summary, { 200: OfferResult }, { params: TokenParams }),
      async (request) => links.answerOffer(app, request.params.token, action === 'accept'));
  }

  app.get('/api/trainings/surveys/:token', route(open, 'Questionnaire de satisfaction (lien de l’e-mail)', { 200: SurveyView }, { params: TokenParams }),
    async (request) => links.surveyView(app, request.params.token));

  app.post('/api/trainings/surveys/:token', route(open, 'Répond au questionnaire (une fois)', { 204: Type.Null() }, { params: TokenParams, body: SurveyBody }), async (request, reply) => {
    await links.answerSurvey(app, request.params.token, request.body);
    return reply.code(204).send(null);
  });

  // ---------- me ----------

  app.get('/api/trainings/me/registrations', route(anyone, 'Mes formations : à venir, en attente, passées', { 200: MyRegistrations }),
    async (request) => me.myRegistrations(app, request.principal!));

  app.get('/api/trainings/me/next', route(anyone, 'Mes prochaines sessions (tableau de bord)', { 200: NextSessions }, { querystring: NextQuery }),
    async (request) => me.myNextSessions(app, request.principal!, request.query.limit ?? 3));

  app.get('/api/trainings/me/calendar-feed', route(anyone, 'Adresse de mon agenda privé (null si aucun)', { 200: CalendarFeed }),
    async (request) => me.calendarFeed(app, request.principal!));

  app.post('/api/trainings/me/calendar-feed', route(anyone, 'Crée ou remplace l’adresse de mon agenda privé (l’ancienne cesse de fonctionner)', { 200: CalendarFeed }),
    async (request) => me.resetFeed(app, request.principal!));

  app.delete('/api/trainings/me/calendar-feed', route(anyone, 'Révoque l’adresse de mon agenda privé', { 204: Type.Null() }), async (request, reply) => {
    await me.revokeFeed(app, request.principal!);
    return reply.code(204).send(null);
  });

  app.get('/api/trainings/calendar/:token', route(open, 'Agenda privé (secret) des sessions confirmées d’un utilisateur', { 200: File('text/calendar') }, { params: FeedParams }),
    async (request, reply) => sendFile(reply, await files.feedIcs(app, request.params.token)));
}
