import { rollUpVisits } from '../../../db/queries/visits';
import type { JobHandler } from '../../jobs';

const MAX_BATCHES_PER_RUN = 20;

/**
 * Keeps the dashboard's rollup: recomputes the office-months marked as
 * changed, batch after batch until none is left. Safe twice or on several
 * workers (a transaction lock orders the runs; a run with nothing marked does
 * nothing).
 */
export const rollUpVisitsJob: JobHandler<'visits.rollup'> = async (_payload, ctx) => {
  let officeMonths = 0;
  // A bounded number of batches: under a steady flow of contacts the next run takes what keeps arriving.
  for (let batch = 0; batch < MAX_BATCHES_PER_RUN; batch++) {
    const { officeMonths: n } = await rollUpVisits(ctx.db);
    officeMonths += n;
    if (n === 0) break;
  }
  return { officeMonths };
};
