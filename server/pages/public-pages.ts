import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '#server/deps.ts';
import { PUBLIC_LOCALES, isPublicLocale, negotiate, type PublicLocale } from '#server/i18n.ts';
import { listServiceAgreements } from '#server/modules/calls/calls.public.ts';
import { listRegions } from '#server/modules/regions/regions.public.ts';
import { berlinDate } from '#server/time.ts';
import { webDistDir } from '#server/web-build.ts';
import { ASSET_PREFIX, pageBySlug, PAGE_SLUGS } from '#web/public/pages.ts';
import { renderPublicPage, type PageData, type RegionView } from '#web/public/render.tsx';
import type { App } from '#server/http/types.ts';

/** First path segments that belong to the API, the staff app and assets, never to a language. */
const RESERVED = new Set(['api', 'app', 'assets']);

const CONTENT_TYPES: Record<string, string> = {
  css: 'text/css; charset=utf-8',
  woff2: 'font/woff2',
  js: 'text/javascript; charset=utf-8',
};

/** The start page's data: today's regions with their members and the providers serving them. */
async function startPageData(deps: Deps, request: FastifyRequest): Promise<PageData> {
  const today = berlinDate(deps.now());
  const [regions, agreements] = await Promise.all([listRegions(deps, request.actor, {}), listServiceAgreements(deps, request.actor)]);
  const current = agreements.filter((a) => a.validFrom <= today && (a.validTo === null || a.validTo > today));
  const view: RegionView[] = regions.map((r) => ({
    code: r.code,
    name: r.name,
    districts: r.members.filter((m) => m.kind === 'district').map((m) => m.name),
    localities: r.members.filter((m) => m.kind === 'locality').map((m) => m.name),
    providers: [...new Set(current.filter((a) => a.region.code === r.code).map((a) => a.provider.name))],
  }));
  return { page: 'start', regions: view };
}

function sendHtml(reply: FastifyReply, status: number, html: string): FastifyReply {
  return reply.status(status).type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(html);
}

/**
 * Server-rendered public pages for residents, locale in the URL (/de/, /ar/imprint, …). They work
 * without JavaScript. `/` sends the visitor to the best language of their browser; an unknown
 * language or page answers a 404 page. The built CSS and fonts are served from /assets/public/.
 */
export async function publicPagesRoutes(app: App, deps: Deps): Promise<void> {
  const notFound = (request: FastifyRequest, reply: FastifyReply) => {
    const lang: PublicLocale = isPublicLocale(request.locale) ? request.locale : 'de';
    return sendHtml(reply, 404, renderPublicPage(lang, { page: 'notFound' }));
  };

  app.get('/', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const lang = negotiate(request.headers['accept-language'], PUBLIC_LOCALES, 'de');
    return reply.header('vary', 'accept-language').redirect(`/${lang}/`, 302);
  });

  const render = async (request: FastifyRequest, reply: FastifyReply, langSegment: string, slug: string) => {
    if (RESERVED.has(langSegment)) return reply.callNotFound();
    const page = pageBySlug(slug);
    if (!isPublicLocale(langSegment) || !page) return notFound(request, reply);
    let data: PageData;
    if (page === 'start') data = await startPageData(deps, request);
    else if (page === 'signLanguage') data = { page, videoUrl: deps.config.signLanguageVideoUrl };
    else data = { page };
    return sendHtml(reply, 200, renderPublicPage(langSegment, data, deps.config.publicUrl));
  };

  app.get<{ Params: { lang: string } }>('/:lang', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) =>
    render(request, reply, request.params.lang, PAGE_SLUGS.start),
  );
  app.get<{ Params: { lang: string; '*': string } }>('/:lang/*', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) =>
    render(request, reply, request.params.lang, request.params['*']),
  );

  const assetDir = join(webDistDir, 'public');
  app.get<{ Params: { file: string } }>(`${ASSET_PREFIX}:file`, { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const { file } = request.params;
    const type = CONTENT_TYPES[file.split('.').pop() ?? ''];
    if (!type || !/^[A-Za-z0-9._-]+$/.test(file) || file.startsWith('.')) return reply.callNotFound();
    let body: Buffer;
    try {
      body = await readFile(join(assetDir, file));
    } catch {
      return reply.callNotFound();
    }
    return reply.type(type).header('cache-control', 'public, max-age=3600').send(body);
  });
}
