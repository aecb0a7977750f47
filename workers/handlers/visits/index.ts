import { SCHEDULE_EVERY_MS } from '../../../common/limits';
import { defineWorkerFeature } from '../../feature';
import { rollUpVisitsJob } from './rollup';

/** Office visitor counts in the worker process: the dashboard's rollup, every SCHEDULE_EVERY_MS.visitsRollup (figures under a minute old). */
export const visits = defineWorkerFeature({
  name: 'visits',
  jobs: { 'visits.rollup': rollUpVisitsJob },
  schedules: [{ job: 'visits.rollup', every: SCHEDULE_EVERY_MS.visitsRollup }],
  mail: {},
  attachments: {},
});
