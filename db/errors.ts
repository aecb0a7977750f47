import { DrizzleQueryError } from 'drizzle-orm/errors';

/**
 * What may be logged of a failed query. drizzle wraps PostgreSQL's error in
 * a DrizzleQueryError whose message, stack and `params` carry the query's
 * parameter values (a user's name, a phone number, a password hash);
 * PostgreSQL's own `detail` repeats row values ("Key (email)=(…)", "Failing
 * row contains (…)"), and data errors quote the value in their message
 * ('invalid input syntax for type uuid: "…"'). This keeps the SQL text (with
 * $1 placeholders), the SQLSTATE code and the names of what failed.
 */
export interface SafeDbError {
  type: 'DatabaseError';
  code: string | undefined;
  message: string;
  query?: string;
  table?: string;
  column?: string;
  constraint?: string;
  routine?: string;
}

interface PgErrorFields {
  code?: string;
  message?: string;
  table_name?: string;
  column_name?: string;
  constraint_name?: string;
  routine?: string;
  severity?: string;
}

/** The PostgreSQL (or driver) error behind a drizzle error, else the error itself. */
export function databaseCause(err: unknown): (Error & PgErrorFields) | null {
  if (err instanceof DrizzleQueryError) return (err.cause as Error & PgErrorFields) ?? null;
  if (err instanceof Error && (err.name === 'PostgresError' || (err as PgErrorFields).severity !== undefined)) return err as Error & PgErrorFields;
  return null;
}

/** A failed query in a form that can be logged, or null when `err` is not a database error. */
export function safeDbError(err: unknown): SafeDbError | null {
  const query = err instanceof DrizzleQueryError ? err.query : undefined;
  const cause = databaseCause(err);
  if (!cause && query === undefined) return null;
  const code = cause?.code;
  // Class 22 (data exception) messages quote the offending value.
  const message = code?.startsWith('22') ? `data exception ${code}` : (cause?.message ?? 'query failed');
  return {
    type: 'DatabaseError', code, message,
    ...(query !== undefined ? { query } : {}),
    ...(cause?.table_name ? { table: cause.table_name } : {}),
    ...(cause?.column_name ? { column: cause.column_name } : {}),
    ...(cause?.constraint_name ? { constraint: cause.constraint_name } : {}),
    ...(cause?.routine ? { routine: cause.routine } : {}),
  };
}

/** The error to rethrow where it will be stored or logged whole (BullMQ keeps a failed job's message and stack in Redis). */
export function withoutParameters(err: unknown): unknown {
  const safe = safeDbError(err);
  if (!safe) return err;
  const e = new Error(`database error ${safe.code ?? ''}: ${safe.message}${safe.constraint ? ` (${safe.constraint})` : ''}${safe.query ? ` in: ${safe.query}` : ''}`);
  e.name = 'DatabaseError';
  return e;
}
