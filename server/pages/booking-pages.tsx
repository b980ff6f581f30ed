import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { bookingState, contactAnswers, contactInput, languageAnswers, timeAnswers, topicAnswers, waitlistAnswers } from '#contracts/booking-pages.ts';
import type { Deps } from '#server/deps.ts';
import { translate, type PublicLocale } from '#server/i18n.ts';
import { bookAppointment, holdSlot, releaseHold } from '#server/modules/appointments/appointments.public.ts';
import { listSlots, publicTypes } from '#server/modules/appointments/appointments.public.ts';
import { joinWaitlist } from '#server/modules/appointments/appointments.public.ts';
import type { Actor } from '#server/modules/identity/identity.public.ts';
import { addDays } from '#server/modules/offices/offices.public.ts';
import { listOffices } from '#server/modules/offices/offices.public.ts';
import { berlinDate } from '#server/time.ts';
import { uuid } from '#contracts/common.ts';
import type { FormErrors } from '#web/public/forms.tsx';
import { CheckPage, DetailsPage } from '#web/public/booking/DetailsPages.tsx';
import { emptyContact, type ContactInput, type SlotDay, type TypeView } from '#web/public/booking/flow.ts';
import { bookPath, managePath, officePath, query } from '#web/public/booking/paths.ts';
import { ProblemPage, WaitlistDonePage } from '#web/public/booking/ResultPages.tsx';
import { LanguagePage, TopicPage } from '#web/public/booking/Steps.tsx';
import { TimesPage, type TimesPageData } from '#web/public/booking/TimesPage.tsx';
import { renderDocument } from '#web/public/render.tsx';
import { outcomeOf, sendPage, type Outcome } from './booking-pages.shared.ts';
import { checkAnswers } from './forms.ts';
import { notFoundPage, pageLang } from './office-pages.tsx';
import type { App } from '#server/http/types.ts';

/** Free times shown per page: the first days that have any. */
const DAYS_PER_PAGE = 3;

type Req = FastifyRequest<{ Params: { lang: string; id: string }; Querystring: Record<string, string>; Body: Record<string, string> }>;

interface Flow {
  lang: PublicLocale;
  officeId: string;
  officeName: string;
  officeAddress: string;
  types: (TypeView & { horizonDays: number })[];
  walkIn: { date: string; opens: string; closes: string }[];
}

/** The office and its bookable types, or null when the page answered already (404). */
async function loadFlow(deps: Deps, request: Req, reply: FastifyReply): Promise<Flow | null> {
  const lang = pageLang(request, reply, request.params.lang);
  if (!lang) return null;
  const officeId = request.params.id;
  const office = uuid.safeParse(officeId).success ? (await listOffices(deps, request.actor, {})).find((o) => o.id === officeId) : undefined;
  if (!office) {
    await notFoundPage(reply, lang);
    return null;
  }
  const pt = await publicTypes(deps, request.actor, officeId);
  return {
    lang,
    officeId,
    officeName: office.name,
    officeAddress: `${office.address.street} ${office.address.houseNumber}, ${office.address.postcode} ${office.address.city}`,
    types: pt.types.filter((t) => !t.walkIn).map((t) => ({ id: t.id, kind: t.kind, name: t.name, durationMinutes: t.durationMinutes, languages: t.languages, horizonDays: t.horizonDays })),
    walkIn: pt.walkIn,
  };
}

const daysBetween = (from: string, to: string): number => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

/** The next free times from a day on (default today), within the type's horizon. */
export async function freeTimes(deps: Deps, actor: Actor, officeId: string, typeId: string, language: string, horizonDays: number, fromParam: string) {
  const today = berlinDate(deps.now());
  const last = addDays(today, horizonDays);
  // fromParam: an ISO date or '' (the contracts' carried state).
  const from = fromParam && fromParam > today && fromParam <= last ? fromParam : today;
  const res = await listSlots(deps, actor, officeId, { type: typeId, from, days: Math.min(90, daysBetween(from, last) + 1), language });
  const withSlots: SlotDay[] = res.days.filter((d) => d.slots.length > 0).map((d) => ({ date: d.date, starts: d.slots.map((s) => s.start) }));
  const days = withSlots.slice(0, DAYS_PER_PAGE);
  const lastShown = days[days.length - 1];
  return {
    days,
    laterFrom: withSlots.length > DAYS_PER_PAGE && lastShown ? addDays(lastShown.date, 1) : null,
    earlierFrom: from > today ? today : null,
    noneInHorizon: from === today && withSlots.length === 0,
    until: last,
  };
}

/** A translated problem page (rate limit, contact limit, …). */
export function sendProblem(reply: FastifyReply, lang: PublicLocale, outcome: Extract<Outcome, { kind: 'problem' }>, back: string | null): FastifyReply {
  if (outcome.retryAfter) void reply.header('retry-after', outcome.retryAfter);
  return sendPage(reply, outcome.status, renderDocument(lang, <ProblemPage lang={lang} problem={outcome.problem} back={back} detail={outcome.detail} />));
}

/**
 * The booking flow, one question per page, complete without JavaScript: topic → language → time
 * (held while the form is filled) → contact details → check your answers → confirm. Choices travel
 * in the URL; personal data only in POST bodies and hidden fields.
 */
export async function bookingPagesRoutes(app: App, deps: Deps): Promise<void> {
  const opts = { config: { access: 'public' as const }, schema: { hide: true } };

  app.get<{ Params: { lang: string; id: string }; Querystring: Record<string, string> }>('/:lang/offices/:id/book', opts, async (request, reply) => {
    const flow = await loadFlow(deps, request as Req, reply);
    if (!flow) return reply;
    const { lang, officeId } = flow;
    const s = bookingState.parse(request.query);
    let errors: FormErrors = [];
    if (s.choose) {
      const answers = checkAnswers(lang, topicAnswers(flow.types.map((ty) => ty.id)), request.query);
      if (answers.ok) return reply.redirect(`${bookPath(lang, officeId, 'language')}${query({ type: answers.data.type })}`, 303);
      errors = answers.errors;
    }
    const state = { officeId, officeName: flow.officeName, type: flow.types.find((ty) => ty.id === s.type)?.id };
    return sendPage(reply, errors.length ? 400 : 200, renderDocument(lang, <TopicPage lang={lang} data={{ state, types: flow.types, walkIn: flow.walkIn, errors }} />, deps.config.publicUrl));
  });

  app.get<{ Params: { lang: string; id: string }; Querystring: Record<string, string> }>('/:lang/offices/:id/book/language', opts, async (request, reply) => {
    const flow = await loadFlow(deps, request as Req, reply);
    if (!flow) return reply;
    const { lang, officeId } = flow;
    const s = bookingState.parse(request.query);
    const type = flow.types.find((ty) => ty.id === s.type);
    if (!type) return reply.redirect(bookPath(lang, officeId), 303);
    let errors: FormErrors = [];
    if (s.choose) {
      const answers = checkAnswers(lang, languageAnswers(type.languages), request.query);
      if (answers.ok) return reply.redirect(`${bookPath(lang, officeId, 'times')}${query({ type: type.id, language: answers.data.language })}`, 303);
      errors = answers.errors;
    }
    const { language } = s;
    const valid = type.languages.includes(language);
    // The page's language first when the office offers it, then German, then the rest.
    const languages = [...type.languages].sort((a, b) => Number(b === lang) - Number(a === lang) || Number(b === 'de') - Number(a === 'de'));
    const state = { officeId, officeName: flow.officeName, type: type.id, language: valid ? language : undefined };
    return sendPage(reply, errors.length ? 400 : 200, renderDocument(lang, <LanguagePage lang={lang} data={{ state, languages, errors }} />, deps.config.publicUrl));
  });

  /** The times page of the booking flow (GET, or re-rendered after a POST with an error or a taken slot). */
  const times = async (request: Req, reply: FastifyReply, source: unknown, extra: { errors?: FormErrors; taken?: boolean; status?: number; waitlist?: { contact: ContactInput; errors: FormErrors } }) => {
    const flow = await loadFlow(deps, request, reply);
    if (!flow) return reply;
    const { lang, officeId } = flow;
    const s = bookingState.parse(source);
    const type = flow.types.find((ty) => ty.id === s.type);
    if (!type) return reply.redirect(bookPath(lang, officeId), 303);
    const { language, from } = s;
    if (!type.languages.includes(language)) return reply.redirect(`${bookPath(lang, officeId, 'language')}${query({ type: type.id })}`, 303);
    // A time held earlier in this visit (back from the details): let go when another time is chosen.
    const { hold } = s;
    const free = await freeTimes(deps, request.actor, officeId, type.id, language, type.horizonDays, from);
    const here = (l: string, f?: string) => `${bookPath(l, officeId, 'times')}${query({ type: type.id, language, from: f, hold })}`;
    const data: TimesPageData = {
      officeName: flow.officeName,
      action: bookPath(lang, officeId, 'times'),
      hidden: { type: type.id, language, from, ...(hold ? { hold } : {}) },
      back: `${bookPath(lang, officeId, 'language')}${query({ type: type.id, language })}`,
      path: (l) => here(l, from || undefined),
      fromPath: (f) => here(lang, f),
      days: free.days,
      laterFrom: free.laterFrom,
      earlierFrom: free.earlierFrom,
      taken: extra.taken ?? s.taken,
      errors: extra.errors ?? [],
      language,
      mode: 'book',
      waitlist: free.noneInHorizon
        ? { action: bookPath(lang, officeId, 'waitlist'), hidden: { type: type.id, language }, contact: extra.waitlist?.contact ?? emptyContact, errors: extra.waitlist?.errors ?? [], until: free.until }
        : null,
    };
    return sendPage(reply, extra.status ?? 200, renderDocument(lang, <TimesPage lang={lang} data={data} />, deps.config.publicUrl));
  };

  app.get<{ Params: { lang: string; id: string }; Querystring: Record<string, string> }>('/:lang/offices/:id/book/times', opts, async (request, reply) => times(request as Req, reply, request.query, {}));

  app.post<{ Params: { lang: string; id: string }; Body: Record<string, string> }>('/:lang/offices/:id/book/times', opts, async (request, reply) => {
    const req = request as Req;
    const flow = await loadFlow(deps, req, reply);
    if (!flow) return reply;
    const { lang, officeId } = flow;
    const answers = checkAnswers(lang, timeAnswers, request.body);
    if (!answers.ok) return times(req, reply, request.body, { errors: answers.errors, status: 400 });
    const { start } = answers.data;
    const { type, language, hold: previous } = bookingState.parse(request.body);
    if (!flow.types.some((ty) => ty.id === type)) return reply.redirect(bookPath(lang, officeId), 303);
    // The visitor came back and chose again: the time held before is offered again first (it may have
    // expired or been booked meanwhile — then there is nothing to let go).
    if (previous) await releaseHold(deps, request.actor, previous).catch((error: unknown) => {
      if (outcomeOf(error, lang).kind !== 'notFound') throw error;
    });
    const body = { ...request.body, hold: '' };
    try {
      const hold = await holdSlot(deps, request.actor, { officeId, typeId: type, start, language });
      return reply.redirect(`${bookPath(lang, officeId, 'details')}${query({ type, language, start: hold.start, hold: hold.holdToken })}`, 303);
    } catch (error) {
      const outcome = outcomeOf(error, lang);
      if (outcome.kind === 'problem') return sendProblem(reply, lang, outcome, `${bookPath(lang, officeId, 'times')}${query({ type, language })}`);
      return times(req, reply, body, { taken: true, status: 409 });
    }
  });

  /** The contact details page; `hidden` carries the flow state. */
  const details = (reply: FastifyReply, flow: Flow, source: unknown, contact: ContactInput, errors: FormErrors) => {
    const { lang, officeId } = flow;
    const { type, language, start, hold } = bookingState.parse(source);
    const state = { type, language, start, hold };
    if (!flow.types.some((ty) => ty.id === state.type) || !state.start) return reply.redirect(bookPath(lang, officeId), 303);
    const timesPath = (l: string) => `${bookPath(l, officeId, 'times')}${query({ type: state.type, language: state.language, hold: state.hold })}`;
    const html = renderDocument(
      lang,
      <DetailsPage lang={lang} data={{ officeName: flow.officeName, action: bookPath(lang, officeId, 'details'), hidden: state, back: timesPath(lang), path: (l) => `${bookPath(l, officeId, 'details')}${query(state)}`, start: state.start, contact, errors }} />,
      deps.config.publicUrl,
    );
    return sendPage(reply, errors.length ? 400 : 200, html);
  };

  app.get<{ Params: { lang: string; id: string }; Querystring: Record<string, string> }>('/:lang/offices/:id/book/details', opts, async (request, reply) => {
    const flow = await loadFlow(deps, request as Req, reply);
    if (!flow) return reply;
    return details(reply, flow, request.query, emptyContact, []);
  });

  app.post<{ Params: { lang: string; id: string }; Body: Record<string, string> }>('/:lang/offices/:id/book/details', opts, async (request, reply) => {
    const flow = await loadFlow(deps, request as Req, reply);
    if (!flow) return reply;
    const { lang, officeId } = flow;
    const contact = contactInput.parse(request.body);
    const s = bookingState.parse(request.body);
    if (s.edit) return details(reply, flow, request.body, contact, []);
    const answers = checkAnswers(lang, contactAnswers, contact);
    if (!answers.ok) return details(reply, flow, request.body, contact, answers.errors);
    const state = { type: s.type, language: s.language, start: s.start, hold: s.hold };
    const type = flow.types.find((ty) => ty.id === state.type);
    if (!type || !state.start || !type.languages.includes(state.language)) return reply.redirect(bookPath(lang, officeId), 303);
    // A fresh idempotency key each time the confirm form is rendered: a double submit books once.
    const hidden = { ...state, ...contact, key: randomUUID() };
    const html = renderDocument(
      lang,
      <CheckPage
        lang={lang}
        data={{
          officeName: flow.officeName,
          officeAddress: flow.officeAddress,
          typeLabel: translate(lang, `booking:kinds.${type.kind}`),
          language: state.language,
          start: state.start,
          contact,
          hidden,
          confirmAction: bookPath(lang, officeId, 'confirm'),
          change: {
            type: `${bookPath(lang, officeId)}${query({ type: type.id })}`,
            language: `${bookPath(lang, officeId, 'language')}${query({ type: type.id, language: state.language })}`,
            time: `${bookPath(lang, officeId, 'times')}${query({ type: type.id, language: state.language, hold: state.hold })}`,
            detailsAction: bookPath(lang, officeId, 'details'),
          },
          path: (l) => `${bookPath(l, officeId, 'details')}${query(state)}`,
          errors: [],
        }}
      />,
      deps.config.publicUrl,
    );
    return sendPage(reply, 200, html);
  });

  app.post<{ Params: { lang: string; id: string }; Body: Record<string, string> }>('/:lang/offices/:id/book/confirm', opts, async (request, reply) => {
    const flow = await loadFlow(deps, request as Req, reply);
    if (!flow) return reply;
    const { lang, officeId } = flow;
    const contact = contactInput.parse(request.body);
    const answers = checkAnswers(lang, contactAnswers, contact);
    if (!answers.ok) return details(reply, flow, request.body, contact, answers.errors);
    const { type, language, start, hold, key } = bookingState.parse(request.body);
    if (!flow.types.some((ty) => ty.id === type) || !start || !key) return reply.redirect(bookPath(lang, officeId), 303);
    try {
      const { response } = await bookAppointment(
        deps,
        request.actor,
        { officeId, typeId: type, start, name: contact.name, language, locale: lang, ...(contact.phone ? { phone: contact.phone } : {}), ...(contact.email ? { email: contact.email } : {}), ...(hold ? { holdToken: hold } : {}) },
        key,
      );
      return reply.redirect(`${managePath(lang, response.code, 'booked')}${query({ token: response.manageToken })}`, 303);
    } catch (error) {
      const outcome = outcomeOf(error, lang);
      if (outcome.kind === 'problem') return sendProblem(reply, lang, outcome, officePath(lang, officeId));
      return reply.redirect(`${bookPath(lang, officeId, 'times')}${query({ type, language, taken: '1' })}`, 303);
    }
  });

  app.post<{ Params: { lang: string; id: string }; Body: Record<string, string> }>('/:lang/offices/:id/book/waitlist', opts, async (request, reply) => {
    const req = request as Req;
    const flow = await loadFlow(deps, req, reply);
    if (!flow) return reply;
    const { lang, officeId } = flow;
    const contact = contactInput.parse(request.body);
    const answers = checkAnswers(lang, waitlistAnswers, contact);
    if (!answers.ok) return times(req, reply, request.body, { waitlist: { contact, errors: answers.errors }, status: 400 });
    const s = bookingState.parse(request.body);
    const type = flow.types.find((ty) => ty.id === s.type);
    const { language } = s;
    if (!type || !type.languages.includes(language)) return reply.redirect(bookPath(lang, officeId), 303);
    const today = berlinDate(deps.now());
    const until = addDays(today, type.horizonDays);
    try {
      await joinWaitlist(deps, request.actor, { officeId, typeId: type.id, language, locale: lang, name: contact.name, email: contact.email, ...(contact.phone ? { phone: contact.phone } : {}), from: today, to: until });
    } catch (error) {
      const outcome = outcomeOf(error, lang);
      if (outcome.kind === 'problem') return sendProblem(reply, lang, outcome, officePath(lang, officeId));
      return notFoundPage(reply, lang);
    }
    return sendPage(reply, 200, renderDocument(lang, <WaitlistDonePage lang={lang} officeId={officeId} officeName={flow.officeName} until={until} />, deps.config.publicUrl));
  });
}
