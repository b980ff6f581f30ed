import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { addressAnswers, officeFinderQuery } from '#contracts/booking-pages.ts';
import type { Deps } from '#server/deps.ts';
import { isPublicLocale, type PublicLocale } from '#server/i18n.ts';
import { listIntegrationAreas, listServiceBlocks } from '#server/modules/catalog/catalog.public.ts';
import { getOffice, listOffices } from '#server/modules/offices/offices.public.ts';
import { listRegions } from '#server/modules/regions/regions.public.ts';
import { locateAddress } from '#server/modules/regions/regions.public.ts';
import { splitHouseNumber } from '#server/modules/regions/regions.public.ts';
import type { FormErrors } from '#web/public/forms.tsx';
import { OfficePage } from '#web/public/booking/OfficePage.tsx';
import { OfficesPage, type FinderResult } from '#web/public/booking/OfficesPage.tsx';
import { renderDocument, renderPublicPage } from '#web/public/render.tsx';
import { Problem } from '#server/platform/problem.ts';
import type { App } from '#server/http/types.ts';
import { checkAnswers } from './forms.ts';

export function sendHtml(reply: FastifyReply, status: number, html: string): FastifyReply {
  return reply.status(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
}

/** The page language from the URL, or a 404 page (in the negotiated language) when it is none. */
export function pageLang(request: FastifyRequest, reply: FastifyReply, segment: string): PublicLocale | null {
  if (isPublicLocale(segment)) return segment;
  const lang: PublicLocale = isPublicLocale(request.locale) ? request.locale : 'de';
  void sendHtml(reply, 404, renderPublicPage(lang, { page: 'notFound' }));
  return null;
}

export const notFoundPage = (reply: FastifyReply, lang: PublicLocale) => sendHtml(reply, 404, renderPublicPage(lang, { page: 'notFound' }));

const isNotFound = (error: unknown) => error instanceof Problem && error.status === 404;

/**
 * /{lang}/offices: find the office by address (street directory) or by choosing the Stadtbezirk or
 * Ortschaft; /{lang}/offices/{id}: one office. Both call the services directly, no HTTP round trip.
 */
export async function officePagesRoutes(app: App, deps: Deps): Promise<void> {
  app.get<{ Params: { lang: string }; Querystring: Record<string, string> }>('/:lang/offices', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const lang = pageLang(request, reply, request.params.lang);
    if (!lang) return reply;
    const q = officeFinderQuery.safeParse(request.query);
    const input = q.success ? q.data : {};
    // "Prager Straße 10" typed into the street field alone: the number is split off.
    const typed = { street: (input.street ?? '').trim(), number: (input.number ?? '').trim() };
    const { street, number } = typed.number ? typed : (splitHouseNumber(typed.street) ?? typed);
    let errors: FormErrors = [];
    const [offices, regions] = await Promise.all([listOffices(deps, request.actor, {}), listRegions(deps, request.actor, {})]);
    const members = regions.flatMap((r) => r.members).sort((a, b) => a.name.localeCompare(b.name, 'de'));
    const officesOf = (regionCode: string) => offices.filter((o) => o.region.code === regionCode);
    let result: FinderResult | null = null;
    const searched = input.street !== undefined || input.number !== undefined;
    if (searched) {
      const answers = checkAnswers(lang, addressAnswers, { street, number });
      if (!answers.ok) errors = answers.errors;
      else {
        try {
          const place = await locateAddress(deps, request.actor, { street, number });
          result = { kind: 'found', via: 'address', region: place.region, member: place.member, quarter: place.quarter?.name ?? null, offices: officesOf(place.region.code) };
        } catch (error) {
          if (!isNotFound(error)) throw error;
          result = { kind: 'notFound' };
        }
      }
    } else if (input.member && members.some((m) => m.code === input.member)) {
      const region = regions.find((r) => r.members.some((m) => m.code === input.member));
      const member = region?.members.find((m) => m.code === input.member);
      if (region && member) result = { kind: 'found', via: 'member', region: { code: region.code, name: region.name }, member, quarter: null, offices: officesOf(region.code) };
    }
    const html = renderDocument(lang, <OfficesPage lang={lang} data={{ offices, members, street, number, errors, result }} />, deps.config.publicUrl);
    return sendHtml(reply, errors.length ? 400 : 200, html);
  });

  app.get<{ Params: { lang: string; id: string } }>('/:lang/offices/:id', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const lang = pageLang(request, reply, request.params.lang);
    if (!lang) return reply;
    if (!z.uuid().safeParse(request.params.id).success) return notFoundPage(reply, lang);
    try {
      const office = await getOffice(deps, request.actor, request.params.id);
      const [blocks, areas] = await Promise.all([listServiceBlocks(deps, request.actor, lang), listIntegrationAreas(deps, request.actor, lang)]);
      return sendHtml(reply, 200, renderDocument(lang, <OfficePage lang={lang} office={office} catalog={{ blocks, areas }} />, deps.config.publicUrl));
    } catch (error) {
      if (isNotFound(error)) return notFoundPage(reply, lang);
      throw error;
    }
  });
}
