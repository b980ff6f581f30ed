import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyReply } from 'fastify';
import type { Deps } from '#server/deps.ts';
import { webDistDir } from '#server/web-build.ts';
import type { App } from './types.ts';

const builtStaffDir = join(webDistDir, 'staff');
const YEAR_SECONDS = 365 * 24 * 3600;

function sendIndex(reply: FastifyReply, staffDir: string) {
  if (!existsSync(join(staffDir, 'index.html'))) {
    return reply.status(503).type('text/plain; charset=utf-8').send('The staff app is not built yet: run `npm run build`.');
  }
  return reply.header('cache-control', 'no-cache').sendFile('index.html', staffDir, { cacheControl: false });
}

/**
 * The staff app built by Vite, served under /app/: hashed assets with a year's cache, every other
 * /app/* path answers index.html (the client router takes over). Registered in its own scope so the
 * reply decorator of @fastify/static does not clash with another registration.
 */
export async function staffAppRoutes(app: App, deps: Deps): Promise<void> {
  void deps;
  await serveStaffApp(app, builtStaffDir);
}

/** The routes behind staffAppRoutes, serving the build in `staffDir`. */
export async function serveStaffApp(app: App, staffDir: string): Promise<void> {
  await app.register(async (scope) => {
    await scope.register(fastifyStatic, { root: staffDir, serve: false });
    const config = { access: 'public' } as const;

    // With ignoreTrailingSlash this route also answers /app/: only the bare /app is redirected.
    scope.get('/app', { config, schema: { hide: true } }, async (request, reply) =>
      request.url.split('?')[0] === '/app' ? reply.redirect('/app/') : sendIndex(reply, staffDir),
    );

    scope.get<{ Params: { '*': string } }>('/app/assets/*', { config, schema: { hide: true } }, async (request, reply) => {
      const file = request.params['*'];
      if (!file || !existsSync(join(staffDir, 'assets', file))) return reply.callNotFound();
      return reply.sendFile(`assets/${file}`, staffDir, { maxAge: YEAR_SECONDS * 1000, immutable: true });
    });

    scope.get('/app/*', { config, schema: { hide: true } }, async (_request, reply) => sendIndex(reply, staffDir));
  });
}
