import fp from 'fastify-plugin';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';

/** OpenAPI generated from the routes' TypeBox schemas, browsable at /api/docs. */
export default fp(
  async function openapiPlugin(app: FastifyInstance) {
    await app.register(swagger, {
      openapi: {
        info: { title: 'Espace Pro Sud Cévennes API', version: '1.0.0', description: 'API du centre de ressources des partenaires. Authentification par cookies httpOnly (ep_access, ep_refresh).' },
        components: { securitySchemes: { cookieAuth: { type: 'apiKey', in: 'cookie', name: 'ep_access' } } },
      },
      // Each operation says whether it needs a log-in: public routes (config.public) need none, the others the cookie.
      transform: ({ schema, url, route }) => {
        const isPublic = (route.config as { public?: boolean } | undefined)?.public === true;
        return { schema: { ...schema, security: isPublic ? [] : [{ cookieAuth: [] }] } as typeof schema, url };
      },
    });
    await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true, uiConfig: { docExpansion: 'list' } });
  },
  { name: 'openapi' },
);
