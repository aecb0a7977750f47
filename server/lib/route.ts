import type { FastifyContextConfig, FastifyInstance, preHandlerAsyncHookHandler } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
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
 * file's tags (`route` of routeFile below):
 *
 *   app.patch('/api/x/:id', route(staff, 'Modifier', { 200: XSchema }, { params: IdParams, body: XBody }), handler)
 *
 * is { preHandler: staff, schema: { tags, summary, params, body, response: { 200: XSchema, ...problemResponses } } }
 * (a public route's access becomes its `config`), typed exactly, so that
 * fastify's TypeBox provider types request.params, request.query,
 * request.body and the reply from it. Other options (a guarded route's rate
 * limit, bodyLimit) are spread beside it: `{ ...route(...), bodyLimit }`.
 */
function routeOptions(tags: string[]) {
  return <R extends Record<number, TSchema>, I extends Inputs = Record<never, never>>(access: Access, summary: string, response: R, inputs?: I) => ({
    ...(typeof access === 'function' ? { preHandler: access } : { config: access as FastifyContextConfig }),
    schema: { tags, summary, ...(inputs as I), response: { ...response, ...problemResponses } },
  });
}

/**
 * What a route file starts with: the app typed by the TypeBox provider,
 * `route` for the file's tags, and the API's access checks.
 *
 *   const { app, route, anyone, staff } = routeFile(fastify, ['news']);
 */
export function routeFile(fastify: FastifyInstance, tags: string[]) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  return {
    app,
    route: routeOptions(tags),
    /** Anyone signed in. */
    anyone: app.requireUser,
    partner: app.requireRole('partner'),
    /** Office people: staff and administrators. */
    staff: app.requireRole('staff', 'admin'),
    admin: app.requireRole('admin'),
  };
}
