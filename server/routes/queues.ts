import type { FastifyInstance } from 'fastify';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { queueNames } from '../../workers/jobs';
import { QUEUE_BOARD_PATH } from '../../common/queues';

/**
 * The queue dashboard (Bull Board) for administrators: every queue of the
 * workers' contract (workers/jobs.ts `queueNames`), its jobs, retries and
 * failures. Its page, static files and JSON api are all mounted under
 * QUEUE_BOARD_PATH, and every one of those routes gets the admin guard from
 * `guardRoutesUnder` (the plugin's routes cannot declare it themselves), so
 * the same fail-closed check as for the app's own routes applies.
 *
 * CSP: the board's page loads its scripts and styles from its own prefix
 * ('self'), its configuration is an inert JSON <script>, and its inline
 * styles are covered by the app's `'unsafe-inline'` styles; the only thing
 * the app's policy blocks is its Google Fonts stylesheet, which is left
 * blocked on purpose (no third-party request from an admin page; the board
 * falls back to the system font). So no allowance is needed.
 */
export default async function queueBoardRoutes(app: FastifyInstance) {
  app.guardRoutesUnder(QUEUE_BOARD_PATH, 'admin');
  const adapter = new FastifyAdapter();
  adapter.setBasePath(QUEUE_BOARD_PATH);
  createBullBoard({
    queues: queueNames.map((name) => new BullMQAdapter(app.queues[name])),
    serverAdapter: adapter,
    options: { uiConfig: { boardTitle: 'Espace Pro — files de tâches', miscLinks: [{ text: 'Espace Pro', url: '/' }] } },
  });
  const board = adapter.registerPlugin();
  await app.register((scope, options, done) => {
    // The board installs its own error handler, which would answer the guard's 401/403 as plain JSON with the
    // error's message; the app's handler (problem+json, 500s hidden and logged) stays in charge instead.
    (scope as { setErrorHandler: unknown }).setErrorHandler = () => scope;
    board(scope as never, options, done);
  }, { prefix: QUEUE_BOARD_PATH });
}
