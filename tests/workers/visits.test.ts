import { randomUUID } from 'node:crypto';
import { Job } from 'bullmq';
import { describe, expect, it } from 'vitest';
import { visitContacts, visitRollup, visitRollupDirty } from '../../db/schema';
import { handlers } from '../../workers/handlers';
import type { JobHandler } from '../../workers/jobs';
import { useWorkerApp } from '../helpers/worker-app';

/** visits.rollup: run twice, it acts once; the dashboard's figures follow the contacts. */

const quiet = { info: () => {}, warn: () => {}, error: console.error };
const app = useWorkerApp(quiet);
const run = () => (handlers['visits.rollup'] as JobHandler<'visits.rollup'>)({}, app.wctx, new Job(app.ctx.queues.schedule, 'visits.rollup', {}));

describe('visits.rollup', () => {
  it('rolls up the changed office-months once; a second run finds nothing and changes nothing', async () => {
    const contact = (officeId: string, iso: string, partySize: number) => ({
      id: randomUUID(), officeId, occurredAt: new Date(iso), mode: 'comptoir' as const, partySize, origin: 'FR-30', language: 'fr', themeIds: [2, 3],
    });
    await app.ctx.db.insert(visitContacts).values([
      contact('bit-le-vigan', '2026-07-14T10:00:00Z', 3), contact('bit-le-vigan', '2026-07-15T10:00:00Z', 1), contact('bit-ganges', '2026-08-01T08:00:00Z', 2),
    ]);
    expect(await app.ctx.db.$count(visitRollupDirty)).toBe(2);
    expect(await run()).toEqual({ officeMonths: 2 });
    const after = await app.ctx.db.select().from(visitRollup).orderBy(visitRollup.officeId, visitRollup.month, visitRollup.dimension, visitRollup.value);
    expect(after.filter((r) => r.dimension === 'total').map((r) => [r.officeId, r.month, r.contacts, r.visitors])).toEqual([
      ['bit-ganges', '2026-08-01', 1, 2], ['bit-le-vigan', '2026-07-01', 2, 4],
    ]);
    expect(await app.ctx.db.$count(visitRollupDirty)).toBe(0);

    expect(await run()).toEqual({ officeMonths: 0 });
    expect(await app.ctx.db.select().from(visitRollup).orderBy(visitRollup.officeId, visitRollup.month, visitRollup.dimension, visitRollup.value)).toEqual(after);
  });

  it('two runs at once roll each office-month up once and leave the same figures', async () => {
    await app.ctx.db.insert(visitContacts).values({ id: randomUUID(), officeId: 'bit-ganges', occurredAt: new Date('2026-08-20T08:00:00Z'), mode: 'telephone', partySize: 5, origin: 'BE', language: 'nl', themeIds: [] });
    const [a, b] = await Promise.all([run(), run()]);
    expect([a, b].map((r) => (r as { officeMonths: number }).officeMonths).sort()).toEqual([0, 1]);
    const [total] = (await app.ctx.db.select().from(visitRollup)).filter((r) => r.officeId === 'bit-ganges' && r.dimension === 'total');
    expect(total).toMatchObject({ contacts: 2, visitors: 7 });
  });
});
