import type { FastifyContextConfig, preHandlerAsyncHookHandler } from 'fastify';
import type { TSchema } from 'typebox';
import { problemResponses } from '../schemas/common';

/** What a route takes in, besides its summary and answers. */
type Inputs = { params?: TSchema; querystring?: TSchema; body?: TSchema };

/**
 * Who may call a route: one access check (`app.requireRole(...)`,
 * `app.requireUser`), or anonymous callers, `{ public: true }` with the rest of
 * the route's config (its rate limit, the body types it accepts).
 */
export type Access = preHandlerAsyncHookHandler | (FastifyContextConfig & { public: true });

/**
 * The options of a route answering the API's problem responses, for a route
 * file's tags:
 *
 *   const route = routeOptions(tags);
 *   app.patch('/api/x/:id', route(staff, 'Modifier', { 200: XSchema }, { params: IdParams, body: XBody }), handler)
 *
 * is { preHandler: staff, schema: { tags, summary, params, body, response: { 200: XSchema, ...problemResponses } } }
 * (a public route's access becomes its `config`), typed exactly, so that
 * fastify's TypeBox provider types request.params, request.query,
 * request.body and the reply from it. Other options (a guarded route's rate
 * limit, bodyLimit) are spread beside it: `{ ...route(...), bodyLimit }`.
 */
export function routeOptions(tags: string[]) {
  return <R extends Record<number, TSchema>, I extends Inputs = Record<never, never>>(access: Access, summary: string, response: R, inputs?: I) => ({
    ...(typeof access === 'function' ? { preHandler: access } : { config: access as FastifyContextConfig }),
    schema: { tags, summary, ...(inputs as I), response: { ...response, ...problemResponses } },
  });
}
