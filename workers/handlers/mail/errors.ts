import { UnrecoverableError } from 'bullmq';

/**
 * How a sending error counts: a 5xx SMTP answer is a permanent refusal;
 * everything else (4xx answers, connection errors, timeouts) is temporary.
 * Errors that are our fault (unknown template, bad params) are UnrecoverableError.
 */
export function classifyMailError(err: unknown): 'temporary' | 'permanent' | 'refused' {
  if (err instanceof UnrecoverableError) return 'permanent';
  const code = (err as { responseCode?: unknown } | null)?.responseCode;
  if (typeof code === 'number' && code >= 500 && code < 600) return 'refused';
  return 'temporary';
}
