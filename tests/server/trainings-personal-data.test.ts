import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { trainingRegistrations } from '../../db/schema';
import { TEST_PASSWORD, createUser, injectAs } from '../helpers/app';
import { testAppOfFile } from '../helpers/file-app';
import { makeSession, makeTraining, seatCounts } from '../helpers/trainings';

/** RGPD across features: the export lists training registrations; erasure frees the person's seat for the next one waiting. */
const ctx = testAppOfFile();

describe('trainings personal data', () => {
  it('exports registrations, and an erased account gives its seat to the first person waiting', async () => {
    const staff = await createUser(ctx, 'staff');
    const trainingId = await makeTraining(ctx, staff.id, { title: 'Accueillir les clientèles néerlandaises' });
    const sessionId = await makeSession(ctx, trainingId, staff.id, { capacity: 1 });
    const leaving = await createUser(ctx, 'partner', { name: 'Jeanne Départ' });
    const waiting = await createUser(ctx, 'partner', { name: 'Paul Attente' });
    const asLeaving = await injectAs(ctx, leaving);
    const asWaiting = await injectAs(ctx, waiting);
    expect((await asLeaving({ method: 'POST', url: `/api/trainings/sessions/${sessionId}/registrations`, payload: {} })).statusCode).toBe(201);
    const queued = await asWaiting({ method: 'POST', url: `/api/trainings/sessions/${sessionId}/registrations`, payload: {} });
    expect(queued.json()).toMatchObject({ status: 'waiting', position: 1 });

    const exported = await asLeaving({ method: 'GET', url: '/api/me/export' });
    expect(exported.statusCode).toBe(200);
    const data = JSON.parse(exported.body) as { trainings: { registrations: { training: string; status: string }[] } };
    expect(data.trainings.registrations).toEqual([expect.objectContaining({ training: 'Accueillir les clientèles néerlandaises', status: 'confirmed' })]);

    const erased = await asLeaving({ method: 'DELETE', url: '/api/me', payload: { password: TEST_PASSWORD } });
    expect(erased.statusCode).toBe(204);
    const [mine] = await ctx.db.select({ status: trainingRegistrations.status }).from(trainingRegistrations).where(eq(trainingRegistrations.userId, leaving.id));
    expect(mine!.status).toBe('cancelled');
    const [theirs] = await ctx.db.select({ status: trainingRegistrations.status }).from(trainingRegistrations).where(eq(trainingRegistrations.userId, waiting.id));
    expect(theirs!.status).toBe('offered');
    const counts = await seatCounts(ctx, sessionId);
    expect(counts.counters).toEqual(counts.rows);
    expect(counts.rows).toEqual({ confirmed: 0, offered: 1, waiting: 0 });
  });
});
