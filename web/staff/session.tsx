import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { me as meSchema } from '#contracts/identity.ts';
import { api, ProblemError, setCsrfToken } from './api.ts';

export type Me = z.infer<typeof meSchema>;
export type Role = Me['role'];

/** A session is `active`, or still owes a code (`totp`) or a second factor's set-up (`enrolment`). */
export type Stage = 'active' | 'totp' | 'enrolment';
export interface Session {
  me: Me;
  stage: Stage;
}

export const SESSION_KEY = ['session'] as const;

export function stageOfProblem(error: unknown): Stage | null {
  if (!(error instanceof ProblemError)) return null;
  if (error.kind === 'totp-required') return 'totp';
  if (error.kind === 'enrolment-required') return 'enrolment';
  return null;
}

/** The signed-in staff member and the stage of the session, or null. */
async function fetchSession(): Promise<Session | null> {
  let me: Me;
  try {
    me = await api('GET /api/auth/me');
  } catch (error) {
    if (error instanceof ProblemError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
  setCsrfToken(me.csrfToken);
  return { me, stage: me.stage };
}

export function useSession() {
  return useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: Infinity, retry: false });
}

/** The active session's staff member; only call below the route guard. */
export function useMe(): Me {
  const { data } = useSession();
  if (!data) throw new Error('useMe outside an active session');
  return data.me;
}

export function useSetSession() {
  const client = useQueryClient();
  return (session: Session | null) => {
    setCsrfToken(session?.me.csrfToken ?? null);
    client.setQueryData(SESSION_KEY, session);
  };
}
