import { pino, type Logger } from 'pino';

/**
 * What the process does with an error that escaped every handler: an
 * uncaught exception (thrown from a timer, a socket event, a library's
 * setImmediate) or a promise rejection nobody handled.
 *
 * Policy: log it once with pino (level fatal, the error with its stack, which
 * of the two it was), then exit with code 1 so that the supervisor (systemd
 * `Restart=on-failure`, a container restart policy, Kubernetes, pm2) starts a
 * clean process. After an uncaught exception Node's state is unknown (a
 * transaction half done, a lock never released, a socket in a bad state), and
 * keeping such a process serving is worse than a restart of a few seconds; the
 * cure for a known fault is to fix or patch it at its root, as
 * patches/postgres+3.4.9.patch does for lost PostgreSQL connections. No
 * graceful shutdown is attempted: PostgreSQL rolls back open transactions,
 * BullMQ hands the jobs of a dead worker to another once their lock expires,
 * and clients retry.
 *
 * The log line is written synchronously (pino's default destination is
 * synchronous stdout), so it is out before the process ends.
 */
export function installProcessGuards(options: { log?: Pick<Logger, 'fatal'>; exit?: (code: number) => void } = {}): void {
  const log = options.log ?? pino({ level: 'fatal', base: { pid: process.pid, role: process.env.PROCESS_ROLE ?? 'all' } });
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let exiting = false;
  const fatal = (kind: 'uncaughtException' | 'unhandledRejection') => (err: unknown) => {
    if (exiting) return;
    exiting = true;
    log.fatal({ err, kind }, `${kind}: exiting with code 1 so that the supervisor restarts the process`);
    exit(1);
  };
  process.on('uncaughtException', fatal('uncaughtException'));
  process.on('unhandledRejection', fatal('unhandledRejection'));
}
