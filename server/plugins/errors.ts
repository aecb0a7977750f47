import fp from 'fastify-plugin';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { databaseCause, safeDbError } from '../../db/errors';
import { requestLocale, t, validationMessage, waitText, type MessageKey } from '../i18n';

export interface FieldError {
  field: string;
  message: string;
}

/** An expected failure, answered as application/problem+json with a translated detail. */
export class Problem extends Error {
  constructor(
    public readonly status: number,
    public readonly key: MessageKey,
    public readonly fields: { field: string; key: MessageKey }[] = [],
  ) {
    super(key);
  }
}

/** A 429 that knows how long the caller must wait: answered with Retry-After and the time in the message. */
export class RateLimited extends Problem {
  constructor(public readonly retryAfterSeconds: number) {
    super(429, 'error.rateLimitedFor');
  }
}

const titles: Record<number, string> = {
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 409: 'Conflict',
  413: 'Payload Too Large', 415: 'Unsupported Media Type', 416: 'Range Not Satisfiable', 422: 'Unprocessable Content', 429: 'Too Many Requests', 500: 'Internal Server Error',
};

export function sendProblem(request: FastifyRequest, reply: FastifyReply, status: number, detail: string, errors?: FieldError[]) {
  return reply
    .code(status)
    .type('application/problem+json; charset=utf-8')
    .send({ type: 'about:blank', title: titles[status] ?? 'Error', status, detail, instance: request.url.split('?')[0], requestId: request.id, ...(errors?.length ? { errors } : {}) });
}

type ValidationIssue = { keyword: string; instancePath: string; params: Record<string, unknown> };

/**
 * A nullable object (`anyOf: [object, null]`) whose content is wrong also
 * fails its null branch ("expected type: null") and the anyOf itself; the
 * errors inside the object say what is wrong, those two only confuse.
 */
function withoutNullBranchNoise(issues: ValidationIssue[]): ValidationIssue[] {
  const isNoise = (v: ValidationIssue) => v.keyword === 'anyOf' || (v.keyword === 'type' && v.params?.type === 'null');
  const explained = (path: string) => issues.some((o) => !isNoise(o) && (o.instancePath === path || o.instancePath.startsWith(`${path}/`)));
  return issues.filter((v) => !(isNoise(v) && explained(v.instancePath)));
}

/** RFC 9457 problem details for every error, including Fastify's own and the database's. */
export default fp(
  async function errorsPlugin(app: FastifyInstance) {
    app.setErrorHandler((error: FastifyError & { validation?: unknown[]; code?: string }, request, reply) => {
      const locale = requestLocale(request);
      if (error instanceof RateLimited) {
        reply.header('retry-after', error.retryAfterSeconds);
        return sendProblem(request, reply, 429, t('error.rateLimitedFor', locale).replace('{wait}', waitText(error.retryAfterSeconds, locale)));
      }
      if (error instanceof Problem) {
        return sendProblem(request, reply, error.status, t(error.key, locale), error.fields.map((f) => ({ field: f.field, message: t(f.key, locale) })));
      }
      if (error.validation) {
        const errors = withoutNullBranchNoise(error.validation as ValidationIssue[]).map((v) => ({
          field: fieldName(error.validationContext, v),
          message: validationMessage(v.keyword, v.params ?? {}, locale),
        }));
        // A link that cannot be one of ours (cut, mangled) is said to be not valid; an id that cannot exist is not found.
        if (errors.length > 0 && errors.every((e) => e.field === 'token')) {
          return sendProblem(request, reply, error.validationContext === 'params' ? 404 : 400, t('auth.malformedLink', locale), [{ field: 'token', message: t('auth.malformedLink', locale) }]);
        }
        if (error.validationContext === 'params') return sendProblem(request, reply, 404, t('error.notFound', locale), dedupe(errors));
        return sendProblem(request, reply, 400, t('error.validation', locale), dedupe(errors));
      }
      // drizzle wraps PostgreSQL's error: its SQLSTATE is on the cause.
      const code = databaseCause(error)?.code ?? error.code;
      switch (code) {
        case 'FST_ERR_CTP_INVALID_JSON_BODY':
        case 'FST_ERR_CTP_EMPTY_JSON_BODY':
          return sendProblem(request, reply, 400, t('error.malformedJson', locale));
        case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
          return sendProblem(request, reply, 415, t('error.unsupportedMediaType', locale));
        case 'FST_ERR_CTP_BODY_TOO_LARGE':
          return sendProblem(request, reply, 413, t('error.bodyTooLarge', locale));
        case '23505': // unique_violation
          return sendProblem(request, reply, 409, t('error.conflict', locale));
        case '23503': // foreign_key_violation
        case '22P02': // invalid_text_representation
        case '22021': // character_not_in_repertoire (a NUL byte in text)
        case '22P05': // untranslatable_character (a NUL byte in JSON)
          return sendProblem(request, reply, 400, t('error.validation', locale));
      }
      if (error.statusCode === 429) return sendProblem(request, reply, 429, t('error.rateLimited', locale));
      if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
        const byStatus: Partial<Record<number, MessageKey>> = { 401: 'error.unauthenticated', 403: 'error.forbidden', 404: 'error.notFound', 409: 'error.conflict' };
        return sendProblem(request, reply, error.statusCode, t(byStatus[error.statusCode] ?? 'error.validation', locale));
      }
      // Never the query's parameter values (see db/errors.ts).
      const dbError = safeDbError(error);
      if (dbError) request.log.error({ err: dbError }, 'unhandled database error');
      else request.log.error({ err: error }, 'unhandled error');
      return sendProblem(request, reply, 500, t('error.internal', locale));
    });
  },
  { name: 'errors' },
);

function fieldName(context: string | undefined, v: { keyword: string; instancePath: string; params: Record<string, unknown> }): string {
  const path = v.instancePath.replace(/^\//, '').replace(/\//g, '.');
  const leaf = v.keyword === 'required' ? String(v.params.missingProperty ?? '') : v.keyword === 'additionalProperties' ? String(v.params.additionalProperty ?? '') : '';
  const full = [path, leaf].filter(Boolean).join('.');
  return full || (context ?? 'body');
}

function dedupe(errors: { field: string; message: string }[]) {
  const seen = new Set<string>();
  return errors.filter((e) => (seen.has(e.field) ? false : (seen.add(e.field), true)));
}
