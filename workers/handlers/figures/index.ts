import { FIGURES_REMINDER_CRON, SCHEDULE_EVERY_MS } from '../../../common/limits';
import { defineWorkerFeature } from '../../feature';
import { figuresComposers } from './mail';
import { sendFiguresReminders } from './reminders';
import { refreshFiguresRollup } from './rollup';

/** Partners' figures in the worker process: the rollup kept fresh, the monthly reminder. */
export const figures = defineWorkerFeature({
  name: 'figures',
  jobs: {
    'figures.rollup': refreshFiguresRollup,
    'figures.reminders': sendFiguresReminders,
  },
  schedules: [
    { job: 'figures.rollup', every: SCHEDULE_EVERY_MS.figuresRollup },
    { job: 'figures.reminders', ...FIGURES_REMINDER_CRON },
  ],
  mail: figuresComposers,
  attachments: {},
});
