import { expect } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Injector, TestContext } from './app';

/**
 * Trainings fixtures made through the public HTTP api only (as staff and
 * partners do), so the tests using them do not depend on how the server's
 * modules are laid out.
 */

const HOUR = 3_600_000;
let n = 0;

export async function apiTraining(asStaff: Injector, values: Record<string, unknown> = {}): Promise<string> {
  const res = await asStaff({
    method: 'POST', url: '/api/trainings',
    payload: { title: `Formation api ${++n}`, summary: 'Résumé', descriptionHtml: '<p>Programme</p>', theme: 'digital', targetCategories: ['hebergement'], durationMinutes: 120, ...values },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

export interface ApiSessionOptions {
  /** Hours from now to the start of the single slot (default 10 days). */
  startsInHours?: number;
  /** Hours from now to the sign-up deadline (default: 1 h before the start). */
  deadlineInHours?: number;
  capacity?: number;
  waitlistMode?: 'offer' | 'direct';
}

/** An open session of the training, one 3-hour slot at the Le Vigan office. */
export async function apiSession(asStaff: Injector, trainingId: string, o: ApiSessionOptions = {}): Promise<string> {
  const start = Date.now() + (o.startsInHours ?? 240) * HOUR;
  const deadline = Date.now() + (o.deadlineInHours ?? (o.startsInHours ?? 240) - 1) * HOUR;
  const res = await asStaff({
    method: 'POST', url: `/api/trainings/${trainingId}/sessions`,
    payload: {
      slots: [{ startsAt: new Date(start).toISOString(), endsAt: new Date(start + 3 * HOUR).toISOString() }],
      place: { kind: 'office', officeId: 'bit-le-vigan' }, capacity: o.capacity ?? 10, signupDeadline: new Date(deadline).toISOString(),
      waitlistMode: o.waitlistMode ?? 'offer', status: 'open',
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

/** Signs up (oneself, or `userId` on their behalf); expects 201 and returns the registration. */
export async function apiSignUp(inject: Injector, sessionId: string, userId?: string): Promise<{ id: string; status: string; position: number | null }> {
  const res = await inject({ method: 'POST', url: `/api/trainings/sessions/${sessionId}/registrations`, payload: userId ? { userId } : {} });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

/** The stored state of a registration (raw SQL: independent of the query modules). */
export async function registrationState(ctx: Pick<TestContext, 'db'>, id: string): Promise<{ status: string; attendance: string | null } | null> {
  const rows = (await ctx.db.execute(sql`select status::text as status, attendance::text as attendance from training_registrations where id = ${id}`)) as unknown as { status: string; attendance: string | null }[];
  return rows[0] ?? null;
}

/** Registrations of a person in a session (raw SQL). */
export async function registrationsOf(ctx: Pick<TestContext, 'db'>, sessionId: string, userId: string): Promise<{ id: string; status: string }[]> {
  return (await ctx.db.execute(sql`select id::text as id, status::text as status from training_registrations where session_id = ${sessionId} and user_id = ${userId}`)) as unknown as { id: string; status: string }[];
}

/** Seat counters of the session as the api shows them to staff. */
export async function apiSeats(asStaff: Injector, sessionId: string) {
  const res = await asStaff({ method: 'GET', url: `/api/trainings/sessions/${sessionId}` });
  expect(res.statusCode, res.body).toBe(200);
  const s = res.json() as { capacity: number; confirmedCount: number; offeredCount: number; waitingCount: number };
  return { capacity: s.capacity, confirmed: s.confirmedCount, offered: s.offeredCount, waiting: s.waitingCount };
}
