import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyServerOptions } from 'fastify';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from './deps.ts';
import { accessHook, type RouteRule } from './http/access.ts';
import { clientErrorHandler, errorHandler, frameworkErrorHandler, problemBody } from './http/errors.ts';
import { registerInputGuards } from './http/input.ts';
import { swaggerOptions } from './http/openapi.ts';
import { originCheck } from './http/origin.ts';
import { requestLocale } from './http/locale.ts';
import { Problem } from '#server/platform/problem.ts';
import { securityHeaders } from './http/security-headers.ts';
import type { App } from './http/types.ts';
import { auditRoutes } from './modules/audit/audit.routes.ts';
import { callsRoutes } from './modules/calls/calls.routes.ts';
import { catalogRoutes } from './modules/catalog/catalog.routes.ts';
import { identityRoutes } from './modules/identity/identity.routes.ts';
import { regionsRoutes } from './modules/regions/regions.routes.ts';
import { officesRoutes } from './modules/offices/offices.routes.ts';
import { appointmentsRoutes } from './modules/appointments/appointments.routes.ts';
import { casesRoutes } from './modules/cases/cases.routes.ts';
import { networkRoutes } from './modules/network/network.routes.ts';
import { leadTimeSource, moveAppointmentsOfMergedPerson } from '#server/modules/appointments/appointments.public.ts';
import { SUBJECT_ACCESS_SECTIONS } from './subject-access.ts';
import { webRoutes } from './http/web.ts';
import { healthRoutes } from './http/health.ts';

export interface BuildOptions {
  logger?: FastifyServerOptions['logger'];
  /** Serve the built staff app and public pages (off for API-only tests and the benchmark). */
  web?: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    routeRules: RouteRule[];
  }
}

/**
 * Composes what modules offer one another into the dependencies every route receives (a module
 * never reaches another through a global): the appointments module's lead times for the offices
 * scorecard, and its appointments following a person merged by the cases module.
 */
export function composeDeps(base: Deps): Deps {
  return { ...base, leadTimes: base.leadTimes ?? leadTimeSource(base), personMerged: base.personMerged ?? moveAppointmentsOfMergedPerson, subjectAccess: base.subjectAccess ?? SUBJECT_ACCESS_SECTIONS };
}

export async function buildApp(base: Deps, options: BuildOptions = {}): Promise<App> {
  const deps = composeDeps(base);
  const secure = deps.config.publicUrl.startsWith('https://');
  const app = Fastify({
    logger: options.logger ?? false,
    trustProxy: deps.config.trustProxy,
    bodyLimit: 1024 * 1024,
    genReqId: () => randomUUID(),
    routerOptions: { ignoreTrailingSlash: true },
    frameworkErrors: frameworkErrorHandler(secure),
    clientErrorHandler,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // Before any plugin's routes (the docs UI's too): every route's input is checked, every error is problem+json.
  registerInputGuards(app);
  app.setErrorHandler(errorHandler);

  app.decorate('routeRules', [] as RouteRule[]);
  app.addHook('onRoute', (route) => {
    // The generated docs UI is a public developer tool.
    if (route.url.startsWith('/api/docs')) route.config = { ...route.config, access: 'public' };
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD') continue;
      app.routeRules.push({ method, url: route.url, access: route.config?.access, action: route.config?.action });
    }
  });

  // Residents use cheap phones on slow networks: compress pages, styles and JSON (br/gzip).
  await app.register(compress, { global: true, threshold: 1024, encodings: ['br', 'gzip'] });
  await app.register(cookie);
  await app.register(formbody);
  await app.register(swagger, swaggerOptions());
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });

  app.decorateRequest('session', null);
  app.decorateRequest('actor', null as never);
  app.decorateRequest('locale', 'de');
  app.addHook('onRequest', async (request) => {
    request.locale = requestLocale(request);
  });
  // Before the access check, so refusals (401/403) carry the headers too.
  app.addHook('onRequest', securityHeaders(secure));
  // Before the session is looked at: a write from another site is refused whoever sends it.
  app.addHook('onRequest', originCheck(deps));
  const enforceAccess = accessHook(deps);
  app.addHook('onRequest', async (request, reply) => {
    try {
      await enforceAccess(request, reply);
    } finally {
      if (request.session) request.locale = requestLocale(request);
    }
  });
  app.setNotFoundHandler((request, reply) => {
    void reply.status(404).type('application/problem+json; charset=utf-8').send(problemBody(new Problem(404, 'not-found'), request));
  });

  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());

  await healthRoutes(app, deps);
  await identityRoutes(app, deps);
  await regionsRoutes(app, deps);
  await catalogRoutes(app, deps);
  await callsRoutes(app, deps);
  await officesRoutes(app, deps);
  await appointmentsRoutes(app, deps);
  await casesRoutes(app, deps);
  await networkRoutes(app, deps);
  await auditRoutes(app, deps);
  if (options.web) await webRoutes(app, deps);

  await app.ready();
  return app;
}
