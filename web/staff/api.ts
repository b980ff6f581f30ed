import type { z } from 'zod';
import type { problem } from '#contracts/common.ts';
import type { API_ROUTES, ApiRoute } from './api-routes.ts';

export type { ApiRoute } from './api-routes.ts';
export type Problem = z.infer<typeof problem>;

/** An API error answer (RFC 9457), its title and field messages already translated by the server. */
export class ProblemError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.title);
  }

  /** The short type, e.g. "validation" for "/problems/validation"; "network" when no answer came. */
  get kind(): string {
    return this.problem.type.split('/').pop() ?? this.problem.type;
  }

  get status(): number {
    return this.problem.status;
  }
}

let csrfToken: string | null = null;
let language = 'de';

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function setApiLanguage(lang: string): void {
  language = lang;
}

type Spec<R extends ApiRoute> = (typeof API_ROUTES)[R];
type PathOf<R extends string> = R extends `${string} ${infer Path}` ? Path : never;
type ParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}` ? Name | ParamNames<`/${Rest}`> : P extends `${string}:${infer Name}` ? Name : never;
type QueryValue = string | number | null | undefined;

/** The answer of a route, typed by its contract's response schema (undefined for 204). */
export type ApiResponse<R extends ApiRoute> = Spec<R>['response'] extends z.ZodType ? z.output<Spec<R>['response']> : undefined;
/** The body a route takes, typed by its contract. */
export type ApiBody<R extends ApiRoute> = Spec<R> extends { body: infer B extends z.ZodType } ? z.input<B> : never;

type ParamsPart<R extends ApiRoute> = [ParamNames<PathOf<R>>] extends [never] ? { params?: never } : { params: Record<ParamNames<PathOf<R>>, string> };
type BodyPart<R extends ApiRoute> = Spec<R> extends { body: infer B extends z.ZodType } ? { body: z.input<B> } : { body?: never };
type QueryPart<R extends ApiRoute> = Spec<R> extends { query: infer Q extends z.ZodType } ? { query?: { [K in keyof z.input<Q>]?: QueryValue } } : { query?: never };
export type ApiInput<R extends ApiRoute> = ParamsPart<R> & BodyPart<R> & QueryPart<R>;
type Args<R extends ApiRoute> = object extends ApiInput<R> ? [input?: ApiInput<R>] : [input: ApiInput<R>];

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Adds query parameters that are set. */
export function withQuery(path: string, params: Record<string, QueryValue>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}

/** "/api/offices/:id" with { id } → "/api/offices/…" (each value escaped). */
export function fillPath(path: string, params: Record<string, string> = {}): string {
  return path.replace(/:([A-Za-z][A-Za-z0-9]*)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`missing path parameter ${name} for ${path}`);
    return encodeURIComponent(value);
  });
}

/**
 * The one way the staff app talks to the API: `api('GET /api/offices/:id', { params: { id } })`.
 * The route names its contract (api-routes.ts): the body's and the answer's types come from it (and
 * in development the answer is parsed with the contract's response schema). JSON in and out, Accept-Language of the UI, the CSRF token on
 * every write; an error answer becomes a ProblemError.
 */
export async function api<R extends ApiRoute>(route: R, ...rest: Args<R>): Promise<ApiResponse<R>>;
export async function api(route: ApiRoute, ...rest: unknown[]): Promise<unknown> {
  const [method = 'GET', path = ''] = route.split(' ');
  const given = (rest[0] ?? {}) as { params?: Record<string, string>; body?: unknown; query?: Record<string, QueryValue> };
  const url = withQuery(fillPath(path, given.params), given.query ?? {});
  const data = await send(method, url, given.body);
  if (import.meta.env.DEV) return checkAnswer(route, data);
  return data;
}

/**
 * During development and in the tests, every answer is parsed with the route's response schema: a
 * drift between server and app fails at once. The built app leaves zod out of its bundle (the
 * import is dropped with this branch) and trusts the server, which validates its own answers
 * against the same schemas before sending them.
 */
async function checkAnswer(route: ApiRoute, data: unknown): Promise<unknown> {
  const { API_ROUTES } = await import('./api-routes.ts');
  const spec: { response: z.ZodType | null } = API_ROUTES[route];
  return spec.response ? spec.response.parse(data) : undefined;
}

async function send(method: string, url: string, body: unknown): Promise<unknown> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': language };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (UNSAFE.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(url, { method, headers, credentials: 'same-origin', ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  } catch {
    throw new ProblemError({ type: 'network', title: '', status: 0 });
  }
  if (response.status === 204) return undefined;
  const text = await response.text();
  const data: unknown = text ? JSON.parse(text) : undefined;
  if (!response.ok) {
    const isProblem = typeof data === 'object' && data !== null && 'type' in data && 'title' in data;
    throw new ProblemError(isProblem ? (data as Problem) : { type: 'internal', title: '', status: response.status });
  }
  return data;
}
