import { eq } from 'drizzle-orm';
import { figuresMonthly, newsletterSubscriptions, trainingRegistrations, trainingSessions, trainings } from '../../db/schema';
import { subscribe } from '../../db/queries/newsletters';
import { EMPTY_SEGMENT_FILTER, type SegmentFilter } from '../../common/newsletter-segments';
import type { TrainingTheme } from '../../common/trainings';
import { createEstablishment, createUser, type TestContext, type TestUser } from './app';

let n = 0;
const tag = () => `${Date.now().toString(36)}${(n++).toString(36)}`;

/** A filter from the empty one with some fields set. */
export const filterOf = (f: Partial<SegmentFilter>): SegmentFilter => ({ ...EMPTY_SEGMENT_FILTER, ...f });

/** A partner at a new establishment (given its facts), subscribed to the topic with their account unless told not to. */
export async function partnerAt(ctx: TestContext, topicId: string | null, establishment: Parameters<typeof createEstablishment>[1] = {}, user: Parameters<typeof createUser>[2] = {}): Promise<TestUser> {
  const e = await createEstablishment(ctx, establishment);
  const u = await createUser(ctx, 'partner', { establishmentId: e.id, email: `seg-${tag()}@example.test`, ...user });
  if (topicId) await subscribe(ctx.db, { topicId, address: u.email, userId: u.id, source: 'preferences' });
  return u;
}

/** An establishment whose contact address (not a person) subscribes to the topic. */
export async function contactAt(ctx: TestContext, topicId: string, establishment: Parameters<typeof createEstablishment>[1] = {}) {
  const address = `contact-${tag()}@camping.example`;
  const e = await createEstablishment(ctx, { email: address, ...establishment });
  await subscribe(ctx.db, { topicId, address, establishmentId: e.id, source: 'admin' });
  return { establishmentId: e.id, address };
}

export async function unsubscribeAll(ctx: TestContext, address: string) {
  await ctx.db.update(newsletterSubscriptions).set({ unsubscribedAt: new Date() }).where(eq(newsletterSubscriptions.address, address.toLowerCase()));
}

/** A training of a theme with one session starting at `startsAt` (ISO). */
export async function sessionOf(ctx: TestContext, theme: TrainingTheme, startsAt: string, status: 'open' | 'done' | 'cancelled' = 'done') {
  const [t] = await ctx.db.insert(trainings).values({ title: `Formation ${theme} ${tag()}`, summary: 'Résumé', theme, durationMinutes: 120 }).returning({ id: trainings.id });
  const start = new Date(startsAt);
  const [s] = await ctx.db.insert(trainingSessions).values({
    trainingId: t!.id, status, startsAt: start, endsAt: new Date(start.getTime() + 2 * 3_600_000), placeKind: 'office', officeId: 'bit-le-vigan',
    capacity: 20, signupDeadline: new Date(start.getTime() - 86_400_000),
  }).returning({ id: trainingSessions.id });
  return s!.id;
}

export async function register(ctx: TestContext, sessionId: string, user: TestUser, values: { status?: 'confirmed' | 'cancelled' | 'waiting'; attendance?: 'present' | 'absent' | null } = {}) {
  await ctx.db.insert(trainingRegistrations).values({
    sessionId, userId: user.id, establishmentId: user.establishmentId, status: values.status ?? 'confirmed', attendance: values.attendance ?? null,
  });
}

/** A partner subscribed to the topic (`partnerAt`) and registered for the session (`register`). */
export async function registeredPartner(ctx: TestContext, topicId: string, sessionId: string, values: Parameters<typeof register>[3] = {}): Promise<TestUser> {
  const user = await partnerAt(ctx, topicId);
  await register(ctx, sessionId, user, values);
  return user;
}

export async function giveFigures(ctx: TestContext, establishmentId: string, month: string) {
  await ctx.db.insert(figuresMonthly).values({ establishmentId, month: `${month}-01`, capacity: 10, nightsSold: 100 });
}
