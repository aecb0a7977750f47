import { eq, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Database } from '../../db/client';
import { insertTraining } from '../../db/queries/trainings/catalogue';
import { createSession, type SessionInput } from '../../db/queries/trainings/session-edits';
import { trainingRegistrations, trainingSessions, trainingSlots, users } from '../../db/schema';
import type { TestContext } from './app';

/** Fixtures of the trainings feature, written straight to the database (the API is what tests exercise). */

let n = 0;
const DAY = 86_400_000;

export async function makeTraining(ctx: Pick<TestContext, 'db'>, actorId: string, values: Partial<Parameters<typeof insertTraining>[1]> = {}) {
  return insertTraining(ctx.db, {
    title: `Atelier réseaux sociaux ${++n}`, summary: 'Instagram et Facebook pour les hébergeurs.', descriptionHtml: '<p>Programme</p>',
    theme: 'digital', targetCategories: ['hebergement'], durationMinutes: 180, trainer: 'Camille Formatrice', priceMemberCents: 0, priceNonMemberCents: 3000,
    ...values,
  }, actorId);
}

export interface SessionOptions extends Partial<SessionInput> {
  /** Days from now to the first slot (default 10). */
  startsInDays?: number;
  /** Days from now to the deadline (default: startsInDays - 1). */
  deadlineInDays?: number;
}

export async function makeSession(ctx: Pick<TestContext, 'db'>, trainingId: string, actorId: string, o: SessionOptions = {}) {
  const start = new Date(Date.now() + (o.startsInDays ?? 10) * DAY);
  const { startsInDays: _s, deadlineInDays, ...input } = o;
  return createSession(ctx.db, trainingId, {
    slots: [{ startsAt: start, endsAt: new Date(start.getTime() + 3 * 3_600_000) }],
    placeKind: 'office', officeId: 'bit-le-vigan', communeInsee: null, address: null, onlineUrl: null,
    capacity: 10, perEstablishmentCap: null, signupDeadline: new Date(Date.now() + (deadlineInDays ?? (o.startsInDays ?? 10) - 1) * DAY),
    waitlistMode: 'offer', offerHours: 48, notes: null, status: 'open',
    ...input,
  }, actorId);
}

/**
 * Moves a session's slots, first start, last end and sign-up deadline back
 * so that the session ended `endedAgoMs` ago (every instant by the same amount).
 * Straight in the database: the api refuses to put an open session in the past.
 */
export async function moveSessionIntoPast(db: Database, sessionId: string, endedAgoMs = 3_600_000): Promise<void> {
  await db.transaction(async (tx) => {
    const [s] = await tx.select({ endsAt: trainingSessions.endsAt }).from(trainingSessions).where(eq(trainingSessions.id, sessionId));
    const shift = s!.endsAt.getTime() - (Date.now() - endedAgoMs);
    const back = (column: AnyPgColumn) => sql`${column} - ${shift} * interval '1 millisecond'`;
    await tx.update(trainingSlots).set({ startsAt: back(trainingSlots.startsAt), endsAt: back(trainingSlots.endsAt) }).where(eq(trainingSlots.sessionId, sessionId));
    await tx
      .update(trainingSessions)
      .set({ startsAt: back(trainingSessions.startsAt), endsAt: back(trainingSessions.endsAt), signupDeadline: back(trainingSessions.signupDeadline) })
      .where(eq(trainingSessions.id, sessionId));
  });
}

/** Counters of the session row next to the counts of its registration rows (they must agree). */
export async function seatCounts(ctx: Pick<TestContext, 'db'>, sessionId: string) {
  const [s] = await ctx.db
    .select({ confirmed: trainingSessions.confirmedCount, offered: trainingSessions.offeredCount, waiting: trainingSessions.waitingCount })
    .from(trainingSessions)
    .where(eq(trainingSessions.id, sessionId));
  const regs = await ctx.db
    .select({ status: trainingRegistrations.status, establishmentId: trainingRegistrations.establishmentId })
    .from(trainingRegistrations)
    .where(eq(trainingRegistrations.sessionId, sessionId));
  const count = (st: string) => regs.filter((r) => r.status === st).length;
  const est: Record<string, number> = {};
  for (const r of regs) if (r.establishmentId && ['confirmed', 'offered', 'waiting'].includes(r.status)) est[r.establishmentId] = (est[r.establishmentId] ?? 0) + 1;
  return { counters: { confirmed: s!.confirmed, offered: s!.offered, waiting: s!.waiting }, rows: { confirmed: count('confirmed'), offered: count('offered'), waiting: count('waiting') }, establishments: est };
}

/**
 * A link's token with one character changed, always to a different one and
 * never the last (whose low bits base64url may ignore, leaving the token valid).
 */
export const tamper = (token: string) => {
  const i = token.length >> 1;
  return token.slice(0, i) + (token[i] === 'A' ? 'B' : 'A') + token.slice(i + 1);
};

export async function emailOf(ctx: Pick<TestContext, 'db'>, userId: string) {
  const [u] = await ctx.db.select({ email: users.email }).from(users).where(eq(users.id, userId));
  return u!.email;
}

/** The text of every page of a PDF, extracted by pdf.js (Mozilla's reader, legacy build for Node). */
export async function pdfToText(pdf: Buffer | Uint8Array): Promise<string> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((it) => ('str' in it ? it.str : '')).join(' '));
  }
  await doc.destroy();
  return pages.join('\n');
}

/** Parses an iCalendar text with ical.js (throws on invalid syntax) and lists its events. */
export async function parseIcs(text: string) {
  const ICAL = (await import('ical.js')).default;
  const component = new ICAL.Component(ICAL.parse(text));
  return {
    component,
    method: component.getFirstPropertyValue('method'),
    events: component.getAllSubcomponents('vevent').map((v) => {
      const e = new ICAL.Event(v);
      return {
        uid: e.uid, summary: e.summary, location: e.location, description: e.description, sequence: e.sequence,
        start: e.startDate.toJSDate(), end: e.endDate.toJSDate(), status: v.getFirstPropertyValue('status'), url: v.getFirstPropertyValue('url'),
      };
    }),
  };
}
