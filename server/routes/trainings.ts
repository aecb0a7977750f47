import type { FastifyInstance, FastifyReply } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import * as q from '../../db/queries/trainings';
import * as moves from '../../db/queries/trainings-registrations';
import { feedToken, readFeedToken, readOfferToken, readSurveyToken } from '../../common/link-tokens';
import { Problem } from '../plugins/errors';
import { IdParams, problemResponses } from '../schemas/common';
import {
  AttendanceBody, CalendarFeed, CancelSessionBody, ColleagueList, CreateSessionBody, CreateTrainingBody, FeedParams, HistoryList,
  MyRegistrations, NextQuery, NextSessions, OfferResult, OfferView, RegistrationGroups, RegistrationSchema, SessionDetailSchema,
  SessionList, type SessionList as SessionListBody, SessionListQuery, SignUpBody, StaffSessionList, StaffSessionQuery, SurveyBody, SurveySummary, SurveyView, TokenParams,
  TrainingList, TrainingListQuery, TrainingSchema, UpdateSessionBody, UpdateTrainingBody,
} from '../schemas/trainings';
import * as svc from '../services/trainings';
import * as files from '../services/trainings-exports';
import { createSessionList } from '../services/trainings-session-list';

const tags = ['formations'];
const File = (description: string) => Type.String({ description });

function sendFile(reply: FastifyReply, body: Buffer | string, type: string, filename: string, inline = false) {
  return reply
    .header('content-type', type)
    .header('content-disposition', `${inline ? 'inline' : 'attachment'}; filename="${filename.replace(/[^A-Za-z0-9._-]/g, '_')}"`)
    .header('cache-control', 'private, no-store')
    .send(Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8'));
}

const slug = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase().slice(0, 60) || 'formation';

/**
 * Trainings: catalogue, sessions, sign-up and waiting list, offers and
 * surveys from e-mail links, attendance, exports and calendars.
 * Contract: notes/TRAININGS_API.md; types: server/schemas/trainings.ts.
 */
export default async function trainingRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const staff = app.requireRole('staff', 'admin');
  const anyone = app.requireUser;
  const sessionList = createSessionList(app.db, app.changes);

  // ---------- catalogue ----------

  app.get('/api/trainings', {
    preHandler: anyone,
    config: { principalCache: true },
    schema: { tags, summary: 'Catalogue des formations', querystring: TrainingListQuery, response: { 200: TrainingList, ...problemResponses } },
  }, async (request) => {
    const { page = 1, pageSize = 20, ...rest } = request.query;
    const includeArchived = rest.includeArchived === true && svc.isStaff(request.principal!);
    const { items, total } = await q.listTrainings(app.db, { ...rest, includeArchived, page, pageSize });
    return { items: items.map(svc.toTraining), total, page, pageSize };
  });

  app.post('/api/trainings', {
    preHandler: staff,
    schema: { tags, summary: 'Crée une formation', body: CreateTrainingBody, response: { 201: TrainingSchema, ...problemResponses } },
  }, async (request, reply) => reply.code(201).send(await svc.createTraining(app, request.principal!, request.body)));

  app.get('/api/trainings/:id', {
    preHandler: anyone,
    schema: { tags, summary: 'Une formation', params: IdParams, response: { 200: TrainingSchema, ...problemResponses } },
  }, async (request) => svc.getTraining(app, request.params.id));

  app.patch('/api/trainings/:id', {
    preHandler: staff,
    schema: { tags, summary: 'Modifie une formation', params: IdParams, body: UpdateTrainingBody, response: { 200: TrainingSchema, ...problemResponses } },
  }, async (request) => svc.updateTraining(app, request.params.id, request.body));

  app.post('/api/trainings/:id/sessions', {
    preHandler: staff,
    schema: { tags, summary: 'Crée une session', params: IdParams, body: CreateSessionBody, response: { 201: SessionDetailSchema, ...problemResponses } },
  }, async (request, reply) => reply.code(201).send(await svc.createSession(app, request.principal!, request.params.id, request.body)));

  // ---------- sessions ----------

  app.get('/api/trainings/sessions', {
    preHandler: anyone,
    config: { principalCache: true },
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
  }, async (request) => {
    const { page = 1, pageSize = 20, ...rest } = request.query;
    const { items, total } = await q.listStaffSessions(app.db, { ...rest, page, pageSize });
    return { items: items.map(svc.toStaffItem), total, page, pageSize };
  });

  app.get('/api/trainings/sessions/:id', {
    preHandler: anyone,
    config: { principalCache: true },
    schema: { tags, summary: 'Une session', params: IdParams, response: { 200: SessionDetailSchema, ...problemResponses } },
  }, async (request) => svc.getSession(app, request.principal!, request.params.id));

  app.patch('/api/trainings/sessions/:id', {
    preHandler: staff,
    schema: { tags, summary: 'Modifie une session (les inscrits sont prévenus d’un changement d’horaire ou de lieu)', params: IdParams, body: UpdateSessionBody, response: { 200: SessionDetailSchema, ...problemResponses } },
  }, async (request) => svc.updateSession(app, request.principal!, request.params.id, request.body));

  app.post('/api/trainings/sessions/:id/cancel', {
    preHandler: staff,
    schema: { tags, summary: 'Annule une session (les inscrits sont prévenus)', params: IdParams, body: CancelSessionBody, response: { 200: SessionDetailSchema, ...problemResponses } },
  }, async (request) => svc.cancelSession(app, request.principal!, request.params.id, request.body?.reason));

  app.get('/api/trainings/sessions/:id/session.ics', {
    preHandler: anyone,
    schema: { tags, summary: 'Fichier agenda (.ics) de la session', params: IdParams, response: { 200: File('text/calendar'), ...problemResponses } },
  }, async (request, reply) => {
    const principal = request.principal!;
    const row = await svc.visibleSession(app, principal, request.params.id);
    const doc = (await q.getSessionDocument(app.db, row.id))!;
    const ics = files.sessionCalendar(files.calendarSession(doc, { publicUrl: app.config.PUBLIC_URL, showOnline: svc.isStaff(principal) || row.regStatus === 'confirmed', locale: principal.language }));
    return sendFile(reply, ics, 'text/calendar; charset=utf-8', `${slug(doc.title)}.ics`);
  });

  // ---------- registrations ----------

  app.post('/api/trainings/sessions/:id/registrations', {
    preHandler: anyone,
    schema: { tags, summary: 'Inscrit soi-même, un collègue (partenaire) ou quiconque (personnel)', params: IdParams, body: SignUpBody, response: { 201: RegistrationSchema, ...problemResponses } },
  }, async (request, reply) => reply.code(201).send(await svc.signUp(app, request.principal!, request.params.id, request.body?.userId)));

  app.get('/api/trainings/sessions/:id/colleagues', {
    preHandler: app.requireRole('partner'),
    schema: { tags, summary: 'Collègues de mon établissement et leur inscription', params: IdParams, response: { 200: ColleagueList, ...problemResponses } },
  }, async (request) => {
    const principal = request.principal!;
    await svc.visibleSession(app, principal, request.params.id);
    if (!principal.establishmentId) return { items: [] };
    const rows = await q.listColleagues(app.db, request.params.id, principal.establishmentId);
    return {
      items: rows.map((r) => ({
        userId: r.userId, name: r.name,
        registration: r.regId && r.regStatus ? { id: r.regId, status: r.regStatus, position: r.regPosition === null ? null : Number(r.regPosition), offerExpiresAt: r.regOfferExpiresAt ? r.regOfferExpiresAt.toISOString() : null, attendance: r.regAttendance ?? null } : null,
      })),
    };
  });

  app.get('/api/trainings/sessions/:id/registrations', {
    preHandler: staff,
    schema: { tags, summary: 'Inscrits, places proposées, liste d’attente et historique des inscriptions', params: IdParams, response: { 200: RegistrationGroups, ...problemResponses } },
  }, async (request) => {
    await svc.visibleSession(app, request.principal!, request.params.id);
    return svc.sessionRegistrations(app, request.params.id);
  });

  app.get('/api/trainings/sessions/:id/history', {
    preHandler: staff,
    schema: { tags, summary: 'Historique des mouvements (inscription, proposition, acceptation...)', params: IdParams, response: { 200: HistoryList, ...problemResponses } },
  }, async (request) => {
    await svc.visibleSession(app, request.principal!, request.params.id);
    return { items: await svc.sessionHistory(app, request.params.id) };
  });

  app.post('/api/trainings/registrations/:id/cancel', {
    preHandler: anyone,
    schema: { tags, summary: 'Annule une inscription ou quitte la liste d’attente', params: IdParams, response: { 200: RegistrationSchema, ...problemResponses } },
  }, async (request) => svc.cancelRegistration(app, request.principal!, request.params.id));

  app.post('/api/trainings/registrations/:id/accept', {
    preHandler: anyone,
    schema: { tags, summary: 'Accepte la place proposée', params: IdParams, response: { 200: RegistrationSchema, ...problemResponses } },
  }, async (request) => svc.respondToOffer(app, request.principal!, request.params.id, true));

  app.post('/api/trainings/registrations/:id/decline', {
    preHandler: anyone,
    schema: { tags, summary: 'Refuse la place proposée', params: IdParams, response: { 200: RegistrationSchema, ...problemResponses } },
  }, async (request) => svc.respondToOffer(app, request.principal!, request.params.id, false));

  app.post('/api/trainings/registrations/:id/promote', {
    preHandler: staff,
    schema: { tags, summary: 'Confirme directement une personne en attente', params: IdParams, response: { 200: RegistrationSchema, ...problemResponses } },
  }, async (request) => svc.promote(app, request.principal!, request.params.id));

  app.put('/api/trainings/registrations/:id/attendance', {
    preHandler: staff,
    schema: { tags, summary: 'Présence (présent / absent)', params: IdParams, body: AttendanceBody, response: { 200: RegistrationSchema, ...problemResponses } },
  }, async (request) => svc.setAttendance(app, request.params.id, request.body.attendance));

  app.get('/api/trainings/registrations/:id/certificate.pdf', {
    preHandler: anyone,
    schema: { tags, summary: 'Attestation de présence (PDF)', params: IdParams, response: { 200: File('application/pdf'), ...problemResponses } },
  }, async (request, reply) => {
    const principal = request.principal!;
    const reg = await q.getRegistration(app.db, request.params.id);
    const allowed = reg && (svc.isStaff(principal) || reg.userId === principal.userId || (principal.establishmentId !== null && reg.establishmentId === principal.establishmentId));
    if (!reg || !allowed) throw new Problem(404, 'trainings.registrationNotFound');
    if (reg.status !== 'confirmed' || reg.attendance !== 'present') throw new Problem(409, 'trainings.notAttended');
    const doc = (await q.getSessionDocument(app.db, reg.sessionId))!;
    const pdf = await files.certificatePdf(doc, { name: reg.userName, establishmentName: reg.establishmentName });
    return sendFile(reply, pdf, 'application/pdf', `attestation-${slug(doc.title)}-${slug(reg.userName)}.pdf`);
  });

  // ---------- staff exports ----------

  app.get('/api/trainings/sessions/:id/registrants.csv', {
    preHandler: staff,
    schema: { tags, summary: 'Liste des inscrits (CSV pour tableur français)', params: IdParams, response: { 200: File('text/csv'), ...problemResponses } },
  }, async (request, reply) => {
    const row = await svc.visibleSession(app, request.principal!, request.params.id);
    const csv = files.registrantsCsv(await q.listSessionRegistrations(app.db, row.id));
    return sendFile(reply, csv, 'text/csv; charset=utf-8', `inscrits-${slug(row.title)}.csv`);
  });

  app.get('/api/trainings/sessions/:id/signature-sheet.pdf', {
    preHandler: staff,
    schema: { tags, summary: 'Feuille d’émargement (PDF)', params: IdParams, response: { 200: File('application/pdf'), ...problemResponses } },
  }, async (request, reply) => {
    const row = await svc.visibleSession(app, request.principal!, request.params.id);
    const [doc, regs] = await Promise.all([q.getSessionDocument(app.db, row.id), q.listSessionRegistrations(app.db, row.id)]);
    return sendFile(reply, await files.signatureSheetPdf(doc!, regs), 'application/pdf', `emargement-${slug(row.title)}.pdf`);
  });

  app.get('/api/trainings/sessions/:id/survey', {
    preHandler: staff,
    schema: { tags, summary: 'Synthèse du questionnaire de satisfaction', params: IdParams, response: { 200: SurveySummary, ...problemResponses } },
  }, async (request) => {
    await svc.visibleSession(app, request.principal!, request.params.id);
    const s = await q.surveySummary(app.db, request.params.id);
    return { ...s, comments: s.comments.map((c) => ({ ...c, createdAt: c.createdAt.toISOString() })) };
  });

  // ---------- e-mail links (public; GET never changes anything) ----------

  app.get('/api/trainings/offers/:token', {
    config: { public: true },
    schema: { tags, summary: 'Proposition de place (lien de l’e-mail) : état, sans rien modifier', params: TokenParams, response: { 200: OfferView, ...problemResponses } },
  }, async (request) => {
    const ref = readOfferToken(app.config.JWT_SECRET, request.params.token);
    if (!ref) return { state: 'invalid' as const, expiresAt: null, session: null, userName: null };
    const reg = await q.getRegistrationForMail(app.db, ref.registrationId);
    const row = reg ? await q.getSessionRow(app.db, reg.sessionId, reg.userId) : null;
    if (!reg || !row) return { state: 'invalid' as const, expiresAt: null, session: null, userName: null };
    const now = new Date();
    let state: 'offered' | 'accepted' | 'declined' | 'expired' | 'cancelled' | 'invalid';
    if (reg.offerRound !== ref.round) state = 'invalid';
    else if (row.status === 'cancelled') state = 'cancelled';
    else if (reg.status === 'offered') state = reg.offerExpiresAt && reg.offerExpiresAt > now ? 'offered' : 'expired';
    else if (reg.status === 'confirmed') state = 'accepted';
    else if (reg.status === 'declined' || reg.status === 'expired' || reg.status === 'cancelled') state = reg.status;
    else state = 'invalid';
    return {
      state, expiresAt: state === 'offered' && reg.offerExpiresAt ? reg.offerExpiresAt.toISOString() : null,
      session: { id: row.id, title: row.title, startsAt: row.startsAt.toISOString(), endsAt: row.endsAt.toISOString(), place: svc.toPlace(row, false) },
      userName: reg.userName,
    };
  });

  for (const action of ['accept', 'decline'] as const) {
    app.post(`/api/trainings/offers/:token/${action}`, {
      config: { public: true },
      schema: { tags, summary: action === 'accept' ? 'Accepte la place proposée (lien de l’e-mail)' : 'Refuse la place proposée (lien de l’e-mail)', params: TokenParams, response: { 200: OfferResult, ...problemResponses } },
    }, async (request) => {
      const ref = readOfferToken(app.config.JWT_SECRET, request.params.token);
      if (!ref) throw new Problem(404, 'trainings.invalidToken');
      const out = await moves.respondToOffer(app.db, { registrationId: ref.registrationId, round: ref.round, accept: action === 'accept', actorId: null });
      await svc.flush(app, out.effects);
      if (!out.ok) {
        if (out.state === 'invalid') throw new Problem(404, 'trainings.invalidToken');
        throw new Problem(409, 'trainings.offerNotActive');
      }
      return { state: out.state };
    });
  }

  app.get('/api/trainings/surveys/:token', {
    config: { public: true },
    schema: { tags, summary: 'Questionnaire de satisfaction (lien de l’e-mail)', params: TokenParams, response: { 200: SurveyView, ...problemResponses } },
  }, async (request) => {
    const id = readSurveyToken(app.config.JWT_SECRET, request.params.token);
    const target = id ? await moves.getSurveyTarget(app.db, id) : null;
    if (!target || target.status !== 'confirmed' || !target.surveySentAt) return { state: 'invalid' as const, session: null };
    const doc = (await q.getSessionDocument(app.db, target.sessionId))!;
    return { state: target.answered ? ('answered' as const) : ('open' as const), session: { id: doc.id, title: doc.title, startsAt: doc.startsAt.toISOString(), endsAt: doc.endsAt.toISOString() } };
  });

  app.post('/api/trainings/surveys/:token', {
    config: { public: true },
    schema: { tags, summary: 'Répond au questionnaire (une fois)', params: TokenParams, body: SurveyBody, response: { 204: Type.Null(), ...problemResponses } },
  }, async (request, reply) => {
    const id = readSurveyToken(app.config.JWT_SECRET, request.params.token);
    const target = id ? await moves.getSurveyTarget(app.db, id) : null;
    if (!target || target.status !== 'confirmed' || !target.surveySentAt) throw new Problem(404, 'trainings.invalidToken');
    const saved = await moves.saveSurveyAnswer(app.db, { registrationId: target.registrationId, sessionId: target.sessionId, rating: request.body.rating, comment: request.body.comment?.trim() || null });
    if (!saved) throw new Problem(409, 'trainings.surveyAnswered');
    return reply.code(204).send(null);
  });

  // ---------- me ----------

  app.get('/api/trainings/me/registrations', {
    preHandler: anyone,
    config: { principalCache: true },
    schema: { tags, summary: 'Mes formations : à venir, en attente, passées', response: { 200: MyRegistrations, ...problemResponses } },
  }, async (request) => svc.myRegistrations(app, request.principal!));

  app.get('/api/trainings/me/next', {
    preHandler: anyone,
    config: { principalCache: true },
    schema: { tags, summary: 'Mes prochaines sessions (tableau de bord)', querystring: NextQuery, response: { 200: NextSessions, ...problemResponses } },
  }, async (request) => ({ items: await svc.myNextSessions(app, request.principal!, request.query.limit ?? 3) }));

  const feedUrl = (feedId: string) => `${app.config.PUBLIC_URL}/api/trainings/calendar/${feedToken(app.config.JWT_SECRET, feedId)}.ics`;

  app.get('/api/trainings/me/calendar-feed', {
    preHandler: anyone,
    schema: { tags, summary: 'Adresse de mon agenda privé (null si aucun)', response: { 200: CalendarFeed, ...problemResponses } },
  }, async (request) => {
    const feedId = await q.getCalendarFeed(app.db, request.principal!.userId);
    return { url: feedId ? feedUrl(feedId) : null };
  });

  app.post('/api/trainings/me/calendar-feed', {
    preHandler: anyone,
    schema: { tags, summary: 'Crée ou remplace l’adresse de mon agenda privé (l’ancienne cesse de fonctionner)', response: { 200: CalendarFeed, ...problemResponses } },
  }, async (request) => ({ url: feedUrl(await q.resetCalendarFeed(app.db, request.principal!.userId)) }));

  app.delete('/api/trainings/me/calendar-feed', {
    preHandler: anyone,
    schema: { tags, summary: 'Révoque l’adresse de mon agenda privé', response: { 204: Type.Null(), ...problemResponses } },
  }, async (request, reply) => {
    await q.deleteCalendarFeed(app.db, request.principal!.userId);
    return reply.code(204).send(null);
  });

  app.get('/api/trainings/calendar/:token', {
    config: { public: true },
    schema: { tags, summary: 'Agenda privé (secret) des sessions confirmées d’un utilisateur', params: FeedParams, response: { 200: File('text/calendar'), ...problemResponses } },
  }, async (request, reply) => {
    const feedId = readFeedToken(app.config.JWT_SECRET, request.params.token.replace(/\.ics$/, ''));
    const owner = feedId ? await q.findFeedOwner(app.db, feedId) : null;
    if (!owner) throw new Problem(404, 'trainings.invalidToken');
    const sessions = await q.listCalendarSessions(app.db, owner.userId);
    const docs = await Promise.all(sessions.map((s) => q.getSessionDocument(app.db, s.sessionId)));
    const ics = files.feedCalendar(
      docs.filter((d): d is q.SessionDocument => d !== null).map((d) => files.calendarSession(d, { publicUrl: app.config.PUBLIC_URL, showOnline: true, locale: owner.language })),
      owner.language === 'fr' ? 'Mes formations — Espace Pro Sud Cévennes' : 'My trainings — Espace Pro Sud Cévennes',
    );
    return sendFile(reply, ics, 'text/calendar; charset=utf-8', 'formations.ics', true);
  });
}
