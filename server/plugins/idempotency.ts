import fp from 'fastify-plugin';
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest, onSendAsyncHookHandler, preHandlerAsyncHookHandler } from 'fastify';
import { claimIdempotencyKey, completeIdempotencyKey, releaseIdempotencyKey } from '../../db/queries/idempotency';
import { ProblemSchema } from '../schemas/common';
import { Problem } from './errors';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Accept an Idempotency-Key on this POST (default: every POST that answers 201 Created). */
    idempotent?: boolean;
  }
  interface FastifyRequest {
    /** The Idempotency-Key this request holds until its answer is recorded. */
    idempotencyKey: string | null;
  }
}

export const IDEMPOTENCY_HEADER = 'idempotency-key';
/**
 * The draft makes the value a Structured Field string ("…", quotes included);
 * the bare token most clients send is accepted too.
 */
const KEY_SCHEMA = {
  type: 'string', minLength: 8, maxLength: 130, pattern: '^"?[A-Za-z0-9._:-]{8,128}"?$',
  description: 'Clé d’idempotence (IETF httpapi) : la même clé pour la même demande dans les 24 h rend la première réponse au lieu de créer un doublon ; une autre demande avec cette clé est refusée (422).',
} as const;

/** Object keys sorted at every level, so that the same body always has the same fingerprint. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') return Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical((value as Record<string, unknown>)[k])]));
  return value;
}

function fingerprintOf(request: FastifyRequest): string {
  return createHash('sha256').update(JSON.stringify([request.method, request.url.split('?')[0], canonical(request.body ?? null)])).digest('base64url');
}

/**
 * `Idempotency-Key` on creating requests (IETF httpapi draft
 * "The Idempotency-Key HTTP Header Field"): a double click, or a retry after
 * a lost answer, gets the first answer again (with `Idempotent-Replayed:
 * true`) instead of creating a second record. Keys belong to the signed-in
 * user and live 24 hours in PostgreSQL (table idempotency_keys), so every
 * api process sees them. The same key with another request: 422; while the
 * first request still runs: 409.
 */
export default fp(
  async function idempotencyPlugin(app: FastifyInstance) {
    const { db } = app;
    app.decorateRequest('idempotencyKey', null);

    const claim: preHandlerAsyncHookHandler = async function (request, reply) {
      const header = request.headers[IDEMPOTENCY_HEADER];
      const principal = request.principal;
      if (typeof header !== 'string' || !principal) return;
      const key = header.replace(/^"|"$/g, '');
      const result = await claimIdempotencyKey(db, { userId: principal.userId, key, fingerprint: fingerprintOf(request) });
      switch (result.kind) {
        case 'claimed':
          request.idempotencyKey = key;
          return;
        case 'mismatch':
          throw new Problem(422, 'idempotency.keyReused');
        case 'inProgress':
          // Retry-After tells a client that this 409 is about the key: ask again shortly for the answer.
          reply.header('retry-after', '1');
          throw new Problem(409, 'idempotency.inProgress');
        case 'replay':
          reply.code(result.status).header('idempotent-replayed', 'true');
          if (result.contentType) reply.type(result.contentType);
          return reply.send(result.body);
      }
    };

    const record: onSendAsyncHookHandler<unknown> = async function (request, reply, payload) {
      const key = request.idempotencyKey;
      if (!key || !request.principal) return payload;
      request.idempotencyKey = null;
      const ids = { userId: request.principal.userId, key };
      try {
        if (reply.statusCode >= 200 && reply.statusCode < 300 && (typeof payload === 'string' || Buffer.isBuffer(payload))) {
          const contentType = reply.getHeader('content-type');
          await completeIdempotencyKey(db, { ...ids, status: reply.statusCode, contentType: typeof contentType === 'string' ? contentType : null, body: String(payload) });
        } else {
          await releaseIdempotencyKey(db, ids);
        }
      } catch (err) {
        request.log.warn({ err: { message: (err as Error).message } }, 'idempotency: answer not recorded');
      }
      return payload;
    };

    app.addHook('onRoute', (route) => {
      const methods = [route.method].flat();
      const creates = Boolean((route.schema?.response as Record<string, unknown> | undefined)?.[201]);
      if (!methods.includes('POST') || !(route.config?.idempotent ?? creates)) return;
      const headers = (route.schema?.headers as { properties?: Record<string, unknown> } | undefined) ?? {};
      const response = route.schema?.response as Record<string, unknown>;
      route.schema = {
        ...route.schema,
        headers: { type: 'object', ...headers, properties: { ...headers.properties, [IDEMPOTENCY_HEADER]: KEY_SCHEMA } },
        response: { 409: ProblemSchema, 422: ProblemSchema, ...response },
      };
      route.preHandler = [...([route.preHandler].flat().filter(Boolean) as preHandlerAsyncHookHandler[]), claim];
      route.onSend = [...([route.onSend].flat().filter(Boolean) as onSendAsyncHookHandler<unknown>[]), record];
    });
  },
  { name: 'idempotency', dependencies: ['db', 'errors', 'auth'] },
);
