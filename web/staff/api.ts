import type { z } from 'zod';
import type { problem } from '#contracts/common.ts';

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

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The one way the staff app talks to the API: JSON in and out, Accept-Language of the UI, the CSRF
 * token on every write; an error answer becomes a ProblemError.
 */
export async function api<T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': language };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (UNSAFE.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(url, { method, headers, credentials: 'same-origin', ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  } catch {
    throw new ProblemError({ type: 'network', title: '', status: 0 });
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const data: unknown = text ? JSON.parse(text) : undefined;
  if (!response.ok) {
    const isProblem = typeof data === 'object' && data !== null && 'type' in data && 'title' in data;
    throw new ProblemError(isProblem ? (data as Problem) : { type: 'internal', title: '', status: response.status });
  }
  return data as T;
}

/** Adds query parameters that are set. */
export function withQuery(path: string, params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}
