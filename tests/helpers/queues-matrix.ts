import type { Row } from './documents-matrix';
import { adminOnly } from './news-matrix';
import { QUEUE_BOARD_PATH } from '../../common/queues';

/**
 * The queue dashboard's rows of the role matrix (tests/server/role-matrix.test.ts):
 * every route Bull Board registers under QUEUE_BOARD_PATH — its page, its
 * static files, its JSON api — is refused to visitors (401) and to partners
 * and staff (403). An administrator reaches each one: reads of a real queue
 * answer 200; writes and job lookups aim at a queue or a job that does not
 * exist and get the board's own 404, so that the matrix changes nothing in
 * the queues while still showing that the request got past the guard.
 */
const p = (path: string) => `${QUEUE_BOARD_PATH}${path}`;
const QUEUE = 'mail';
const NO_QUEUE = 'file-inconnue';
const NO_JOB = 'tache-inconnue';

const read = (path: string, url: string, status = 200): Row => ({ method: 'GET', route: p(path), request: () => ({ url: p(url) }), expect: adminOnly(status) });
const write = (method: 'PUT' | 'PATCH' | 'POST', path: string, url: string, status: number, payload?: object): Row =>
  ({ method, route: p(path), request: () => ({ url: p(url), ...(payload ? { payload } : {}) }), expect: adminOnly(status) });

export const queuesMatrixRows: Row[] = [
  // The page (the board's client-side routes all serve it) and its static files.
  read('', ''),
  read('/', '/'),
  read('/queue/:queueName', `/queue/${QUEUE}`),
  read('/queue/:queueName/:jobId', `/queue/${QUEUE}/${NO_JOB}`),
  read('/job-schedulers', '/job-schedulers'),
  read('/metrics-history', '/metrics-history'),
  read('/*', '/static/images/logo.svg'),
  // Its JSON api: reads.
  read('/api/queues', '/api/queues'),
  read('/api/job-schedulers', '/api/job-schedulers'),
  read('/api/redis/stats', '/api/redis/stats'),
  read('/api/queues/:queueName/:jobId', `/api/queues/${QUEUE}/${NO_JOB}`, 404),
  read('/api/queues/:queueName/:jobId/flow', `/api/queues/${QUEUE}/${NO_JOB}/flow`, 404),
  read('/api/queues/:queueName/:jobId/logs', `/api/queues/${QUEUE}/${NO_JOB}/logs`), // an unknown job has no log lines: an empty list
  read('/api/queues/:queueName/default-job-options', `/api/queues/${QUEUE}/default-job-options`),
  read('/api/queues/:queueName/job-data-schema', `/api/queues/${QUEUE}/job-data-schema`),
  read('/api/queues/:queueName/metrics', `/api/queues/${QUEUE}/metrics`),
  read('/api/queues/:queueName/rate-limit', `/api/queues/${QUEUE}/rate-limit`),
  read('/api/queues/:queueName/workers', `/api/queues/${QUEUE}/workers`),
  // Writes, aimed at a queue or a job that does not exist.
  write('PATCH', '/api/queues/:queueName/:jobId/delay', `/api/queues/${NO_QUEUE}/${NO_JOB}/delay`, 400, { delay: 1000 }), // the board's own body check answers first
  write('PATCH', '/api/queues/:queueName/:jobId/priority', `/api/queues/${NO_QUEUE}/${NO_JOB}/priority`, 404, { priority: 1 }),
  write('PATCH', '/api/queues/:queueName/:jobId/update-data', `/api/queues/${NO_QUEUE}/${NO_JOB}/update-data`, 404, { jobData: {} }),
  write('PATCH', '/api/queues/:queueName/job-schedulers/:schedulerId', `/api/queues/${NO_QUEUE}/job-schedulers/x`, 400, {}), // neither pattern nor interval: the board's body check
  write('POST', '/api/queues/:queueName/add', `/api/queues/${NO_QUEUE}/add`, 404, { name: 'x', data: {} }),
  write('PUT', '/api/queues/:queueName/:jobId/clean', `/api/queues/${NO_QUEUE}/${NO_JOB}/clean`, 404),
  write('PUT', '/api/queues/:queueName/:jobId/promote', `/api/queues/${NO_QUEUE}/${NO_JOB}/promote`, 404),
  write('PUT', '/api/queues/:queueName/:jobId/remove-unprocessed-children', `/api/queues/${NO_QUEUE}/${NO_JOB}/remove-unprocessed-children`, 404),
  write('PUT', '/api/queues/:queueName/:jobId/retry', `/api/queues/${NO_QUEUE}/${NO_JOB}/retry`, 404),
  write('PUT', '/api/queues/:queueName/clean/:queueStatus', `/api/queues/${NO_QUEUE}/clean/failed`, 404),
  write('PUT', '/api/queues/:queueName/concurrency', `/api/queues/${NO_QUEUE}/concurrency`, 404, { concurrency: 1 }),
  write('PUT', '/api/queues/:queueName/empty', `/api/queues/${NO_QUEUE}/empty`, 404),
  write('PUT', '/api/queues/:queueName/job-schedulers/:schedulerId/remove', `/api/queues/${NO_QUEUE}/job-schedulers/x/remove`, 404),
  write('PUT', '/api/queues/:queueName/job-schedulers/:schedulerId/run', `/api/queues/${NO_QUEUE}/job-schedulers/x/run`, 404),
  write('PUT', '/api/queues/:queueName/obliterate', `/api/queues/${NO_QUEUE}/obliterate`, 404),
  write('PUT', '/api/queues/:queueName/pause', `/api/queues/${NO_QUEUE}/pause`, 404),
  write('PUT', '/api/queues/:queueName/promote', `/api/queues/${NO_QUEUE}/promote`, 404),
  write('PUT', '/api/queues/:queueName/rate-limit', `/api/queues/${NO_QUEUE}/rate-limit`, 404, { duration: 1000 }),
  write('PUT', '/api/queues/:queueName/rate-limit/release', `/api/queues/${NO_QUEUE}/rate-limit/release`, 404),
  write('PUT', '/api/queues/:queueName/resume', `/api/queues/${NO_QUEUE}/resume`, 404),
  write('PUT', '/api/queues/:queueName/retry/:queueStatus', `/api/queues/${NO_QUEUE}/retry/failed`, 404),
  // Pause every queue, then resume every queue (the matrix runs rows in order): the test app's own queues, no worker on them.
  write('PUT', '/api/queues/pause', '/api/queues/pause', 200),
  write('PUT', '/api/queues/resume', '/api/queues/resume', 200),
];
