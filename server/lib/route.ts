import type { preHandlerAsyncHookHandler } from 'fastify';
import type { TSchema } from 'typebox';
import { problemResponses } from '../schemas/common';

/** What a route takes in, besides its summary and answers. */
type Inputs = { params?: TSchema; querystring?: TSchema; body?: TSchema };

/**
 * The options of a route guarded by one access check and answering the API's
 * problem responses, for a route file's tags:
 *
 *   const route = routeOptions(tags);
 *   app.patch('/api/x/:id', route(staff, 'Modifier', { 200: XSchema }, { params: IdParams, body: XBody }), handler)
 *
 * is { preHandler: staff, schema: { tags, summary, params, body, response: { 200: XSchema, ...problemResponses } } },
 * typed exactly, so that fastify's TypeBox provider types request.params,
 * request.query, request.body and the reply from it. Routes with other options
 * (config, bodyLimit, a multipart body…) spell their options out.
 */
export function routeOptions(tags: string[]) {
  return <R extends Record<number, TSchema>, I extends Inputs = Record<never, never>>(preHandler: preHandlerAsyncHookHandler, summary: string, response: R, inputs?: I) => ({
    preHandler,
    schema: { tags, summary, ...(inputs as I), response: { ...response, ...problemResponses } },
  });
}
