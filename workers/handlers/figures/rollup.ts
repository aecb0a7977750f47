import { refreshRollups } from '../../../db/queries/figures';
import type { JobHandler } from '../../jobs';

/** Rebuilds the rollup of the months marked stale; a second run finds none and does nothing. */
export const refreshFiguresRollup: JobHandler<'figures.rollup'> = async (_payload, ctx) => {
  const months = await refreshRollups(ctx.db);
  return { months: months.length };
};
