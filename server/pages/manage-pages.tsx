import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppointmentDetails } from '#contracts/appointments.ts';
import { manageCode, manageState, timeAnswers } from '#contracts/booking-pages.ts';
import type { Deps } from '#server/deps.ts';
import type { PublicLocale } from '#server/i18n.ts';
import { publicTypes } from '#server/modules/appointments/appointments.public.ts';
import { cancelByToken, getByToken, moveByToken } from '#server/modules/appointments/appointments.public.ts';
import type { FormErrors } from '#web/public/forms.tsx';
import { managePath, officesPath, query } from '#web/public/booking/paths.ts';
import { CancelPage, ConfirmationPage, ManagePage, ProblemPage, type ManageNotice } from '#web/public/booking/ResultPages.tsx';
import { TimesPage } from '#web/public/booking/TimesPage.tsx';
import { renderDocument } from '#web/public/render.tsx';
import { freeTimes, sendProblem } from './booking-pages.tsx';
import { outcomeOf, sendPage } from './booking-pages.shared.ts';
import { checkAnswers } from './forms.ts';
import { pageLang } from './office-pages.tsx';
import type { App } from '#server/http/types.ts';

type Req = FastifyRequest<{ Params: { lang: string; code: string }; Querystring: Record<string, string>; Body: Record<string, string> }>;

function linkInvalid(reply: FastifyReply, lang: PublicLocale): FastifyReply {
  return sendPage(reply, 404, renderDocument(lang, <ProblemPage lang={lang} problem="linkInvalid" back={null} />));
}

/** The appointment behind the code and token of the link, or null when the page answered (invalid link). */
async function load(deps: Deps, request: Req, reply: FastifyReply, token: string): Promise<{ lang: PublicLocale; a: AppointmentDetails } | null> {
  const lang = pageLang(request, reply, request.params.lang);
  if (!lang) return null;
  const code = manageCode.parse(request.params.code);
  // token: '' when the link's token cannot be one (manageState)
  if (!code || !token) {
    await linkInvalid(reply, lang);
    return null;
  }
  try {
    return { lang, a: await getByToken(deps, request.actor, code, token) };
  } catch (error) {
    if (outcomeOf(error, lang).kind !== 'notFound') throw error;
    await linkInvalid(reply, lang);
    return null;
  }
}

/**
 * The confirmation page and managing an appointment by the link with its token (no account):
 * details, cancel (asked once more), move to another free time. The notice period is explained.
 */
export async function managePagesRoutes(app: App, deps: Deps): Promise<void> {
  const opts = { config: { access: 'public' as const }, schema: { hide: true } };
  type Get = { Params: { lang: string; code: string }; Querystring: Record<string, string> };
  type Post = { Params: { lang: string; code: string }; Body: Record<string, string> };

  app.get<Get>('/:lang/appointments/:code', opts, async (request, reply) => {
    const { token, done } = manageState.parse(request.query);
    const loaded = await load(deps, request as Req, reply, token);
    if (!loaded) return reply;
    const notice: ManageNotice = done || null;
    return sendPage(reply, 200, renderDocument(loaded.lang, <ManagePage lang={loaded.lang} a={loaded.a} token={token} notice={notice} />, deps.config.publicUrl));
  });

  app.get<Get>('/:lang/appointments/:code/booked', opts, async (request, reply) => {
    const { token } = manageState.parse(request.query);
    const loaded = await load(deps, request as Req, reply, token);
    if (!loaded) return reply;
    // Whether a mail is on its way comes from the booking (an older link's `mail=1` is ignored).
    return sendPage(reply, 200, renderDocument(loaded.lang, <ConfirmationPage lang={loaded.lang} a={loaded.a} token={token} />, deps.config.publicUrl));
  });

  app.get<Get>('/:lang/appointments/:code/cancel', opts, async (request, reply) => {
    const { token } = manageState.parse(request.query);
    const loaded = await load(deps, request as Req, reply, token);
    if (!loaded) return reply;
    const { lang, a } = loaded;
    if (a.status === 'cancelled') return reply.redirect(`${managePath(lang, a.code)}${query({ token })}`, 303);
    return sendPage(reply, 200, renderDocument(lang, <CancelPage lang={lang} a={a} token={token} tooLate={!a.changeable} />, deps.config.publicUrl));
  });

  app.post<Post>('/:lang/appointments/:code/cancel', opts, async (request, reply) => {
    const { token } = manageState.parse(request.body);
    const loaded = await load(deps, request as Req, reply, token);
    if (!loaded) return reply;
    const { lang, a } = loaded;
    try {
      await cancelByToken(deps, request.actor, a.code, token);
    } catch (error) {
      const outcome = outcomeOf(error, lang);
      if (outcome.kind === 'problem') return sendProblem(reply, lang, outcome, `${managePath(lang, a.code)}${query({ token })}`);
      if (outcome.kind === 'tooLate') return sendPage(reply, 409, renderDocument(lang, <CancelPage lang={lang} a={a} token={token} tooLate />, deps.config.publicUrl));
      return linkInvalid(reply, lang);
    }
    return reply.redirect(`${managePath(lang, a.code)}${query({ token, done: 'cancelled' })}`, 303);
  });

  const moveTimes = async (request: Req, reply: FastifyReply, token: string, from: string, extra: { errors?: FormErrors; taken?: boolean; status?: number }) => {
    const loaded = await load(deps, request, reply, token);
    if (!loaded) return reply;
    const { lang, a } = loaded;
    const manage = `${managePath(lang, a.code)}${query({ token })}`;
    if (!a.changeable) return reply.redirect(manage, 303);
    const type = (await publicTypes(deps, request.actor, a.office.id)).types.find((ty) => ty.id === a.type.id);
    if (!type) return sendPage(reply, 409, renderDocument(lang, <ProblemPage lang={lang} problem="unavailable" back={manage} />, deps.config.publicUrl));
    const free = await freeTimes(deps, request.actor, a.office.id, a.type.id, a.language, type.horizonDays, from);
    const here = (l: string, f?: string) => `${managePath(l, a.code, 'move')}${query({ token, from: f })}`;
    const html = renderDocument(
      lang,
      <TimesPage
        lang={lang}
        data={{
          officeName: a.office.name,
          action: managePath(lang, a.code, 'move'),
          hidden: { token },
          back: manage,
          path: (l) => here(l),
          fromPath: (f) => here(lang, f),
          days: free.days.map((d) => ({ date: d.date, starts: d.starts.filter((s) => s !== a.start) })).filter((d) => d.starts.length > 0),
          laterFrom: free.laterFrom,
          earlierFrom: free.earlierFrom,
          taken: extra.taken ?? false,
          errors: extra.errors ?? [],
          language: a.language,
          mode: 'move',
          waitlist: null,
        }}
      />,
      deps.config.publicUrl,
    );
    return sendPage(reply, extra.status ?? 200, html);
  };

  app.get<Get>('/:lang/appointments/:code/move', opts, async (request, reply) => {
    const { token, from } = manageState.parse(request.query);
    return moveTimes(request as Req, reply, token, from, {});
  });

  app.post<Post>('/:lang/appointments/:code/move', opts, async (request, reply) => {
    const req = request as Req;
    const { token } = manageState.parse(request.body);
    const lang = pageLang(request, reply, request.params.lang);
    if (!lang) return reply;
    const answers = checkAnswers(lang, timeAnswers, request.body);
    if (!answers.ok) return moveTimes(req, reply, token, '', { errors: answers.errors, status: 400 });
    const { start } = answers.data;
    const code = manageCode.parse(request.params.code);
    try {
      await moveByToken(deps, request.actor, code, token, start);
    } catch (error) {
      const outcome = outcomeOf(error, lang);
      if (outcome.kind === 'problem') return sendProblem(reply, lang, outcome, officesPath(lang));
      if (outcome.kind === 'taken') return moveTimes(req, reply, token, '', { taken: true, status: 409 });
      if (outcome.kind === 'tooLate') return reply.redirect(`${managePath(lang, code)}${query({ token })}`, 303);
      return linkInvalid(reply, lang);
    }
    return reply.redirect(`${managePath(lang, code)}${query({ token, done: 'moved' })}`, 303);
  });
}
