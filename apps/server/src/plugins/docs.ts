import type { FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { OpenAPI } from '@orpc/openapi';

/** An interactive reference of the REST face at /docs, served from local assets (works offline). */
export async function registerDocs(app: FastifyInstance, document: OpenAPI.Document) {
  await app.register(async (scope) => {
    await scope.register(swagger, {
      mode: 'static',
      specification: { document: document as never },
    });
    await scope.register(swaggerUi, {
      routePrefix: '/docs',
      uiConfig: { docExpansion: 'list', deepLinking: true, tryItOutEnabled: true },
      // swagger-ui needs its own inline script/style allowances; the rest of the API keeps 'none'.
      staticCSP: true,
      transformStaticCSP: (header) => header,
    });
  });
}
