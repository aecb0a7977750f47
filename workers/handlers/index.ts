import type { KeysOf, Schedule } from '../feature';
import { features } from '../features';
import type { JobHandler, JobName } from '../jobs';
import { mailOutbox } from './mail';

const parts = [mailOutbox, ...features] as const;

type Handled = KeysOf<(typeof parts)[number]['jobs']>;
/** Fails to compile when a job of the contract (workers/jobs.ts) has no handler. */
const everyJobHandled: [Exclude<JobName, Handled>] extends [never] ? true : { noHandlerFor: Exclude<JobName, Handled> } = true;
void everyJobHandled;

/** Job name -> handler. Every handler re-reads state and is safe to run twice. */
export const handlers = Object.assign({}, ...parts.map((p) => p.jobs)) as { [N in JobName]: JobHandler<N> };
if (Object.keys(handlers).length !== parts.reduce((n, p) => n + Object.keys(p.jobs).length, 0)) {
  throw new Error('workers/handlers: two features handle the same job');
}

/** Every repeatable job, in feature order. */
export const schedules: readonly Schedule[] = parts.flatMap((p) => p.schedules as readonly Schedule[]);
