import type { FastifyInstance } from 'fastify';
import { findFeedOwner, listCalendarSessions } from '../../../db/queries/trainings/calendar-feeds';
import { getSessionDocument, type SessionDocument } from '../../../db/queries/trainings/documents';
import { listSessionRegistrations } from '../../../db/queries/trainings/registrations';
import { surveySummary } from '../../../db/queries/trainings/survey';
import { readFeedToken } from '../../../common/link-tokens';
import type { Principal } from '../../plugins/auth';
import type { SurveySummary } from '../../schemas/trainings';
import { isStaff, registrationFor, visibleSession } from './access';
import * as files from './exports';
import { toSurveySummary } from './mapping';
import { refusal } from './refusals';
import { calendarFeedEvents } from '../news/reading';

/** Files a session gives (calendars, certificate, registrant list, signature sheet) and the survey results, with their access rules. */

export interface FileOut {
  body: Buffer | string;
  type: string;
  filename: string;
  inline?: boolean;
}

const slug = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase().slice(0, 60) || 'formation';

export async function sessionIcs(app: FastifyInstance, principal: Principal, sessionId: string): Promise<FileOut> {
  const row = await visibleSession(app, principal, sessionId);
  const doc = (await getSessionDocument(app.db, row.id))!;
  const ics = files.sessionCalendar(files.calendarSession(doc, { publicUrl: app.config.PUBLIC_URL, showOnline: isStaff(principal) || row.regStatus === 'confirmed', locale: principal.language }));
  return { body: ics, type: 'text/calendar; charset=utf-8', filename: `${slug(doc.title)}.ics` };
}

export async function certificate(app: FastifyInstance, principal: Principal, registrationId: string): Promise<FileOut> {
  const reg = await registrationFor(app, principal, registrationId, 'establishment');
  if (reg.status !== 'confirmed' || reg.attendance !== 'present') throw refusal('notAttended');
  const doc = (await getSessionDocument(app.db, reg.sessionId))!;
  const pdf = await files.certificatePdf(doc, { name: reg.userName, establishmentName: reg.establishmentName });
  return { body: pdf, type: 'application/pdf', filename: `attestation-${slug(doc.title)}-${slug(reg.userName)}.pdf` };
}

export async function registrantsCsv(app: FastifyInstance, principal: Principal, sessionId: string): Promise<FileOut> {
  const row = await visibleSession(app, principal, sessionId);
  const csv = files.registrantsCsv(await listSessionRegistrations(app.db, row.id));
  return { body: csv, type: 'text/csv; charset=utf-8', filename: `inscrits-${slug(row.title)}.csv` };
}

export async function signatureSheet(app: FastifyInstance, principal: Principal, sessionId: string): Promise<FileOut> {
  const row = await visibleSession(app, principal, sessionId);
  const [doc, regs] = await Promise.all([getSessionDocument(app.db, row.id), listSessionRegistrations(app.db, row.id)]);
  return { body: await files.signatureSheetPdf(doc!, regs), type: 'application/pdf', filename: `emargement-${slug(row.title)}.pdf` };
}

/** The private calendar feed (secret address, no log-in). */
export async function feedIcs(app: FastifyInstance, token: string): Promise<FileOut> {
  const feedId = readFeedToken(app.config.JWT_SECRET, token.replace(/\.ics$/, ''));
  const owner = feedId ? await findFeedOwner(app.db, feedId) : null;
  if (!owner) throw refusal('invalidToken');
  const sessions = await listCalendarSessions(app.db, owner.userId);
  const [docs, news] = await Promise.all([Promise.all(sessions.map((s) => getSessionDocument(app.db, s.sessionId))), calendarFeedEvents(app, owner)]);
  const ics = files.feedCalendar(
    [...docs.filter((d): d is SessionDocument => d !== null).map((d) => files.calendarSession(d, { publicUrl: app.config.PUBLIC_URL, showOnline: true, locale: owner.language })), ...news],
    owner.language === 'fr' ? 'Mes formations — Espace Pro Sud Cévennes' : 'My trainings — Espace Pro Sud Cévennes',
  );
  return { body: ics, type: 'text/calendar; charset=utf-8', filename: 'formations.ics', inline: true };
}

export async function sessionSurvey(app: FastifyInstance, principal: Principal, sessionId: string): Promise<SurveySummary> {
  await visibleSession(app, principal, sessionId);
  return toSurveySummary(await surveySummary(app.db, sessionId));
}
