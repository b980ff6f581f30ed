import type { Me } from '#contracts/identity.ts';
import type { SessionInfo } from './sessions.service.ts';

/** The one place that decides which fields of the signed-in account leave the server. */
export function presentMe(session: SessionInfo): Me {
  return {
    id: session.account.id,
    email: session.account.email,
    displayName: session.account.displayName,
    role: session.actor.role,
    locale: session.account.locale,
    totpEnabled: session.account.totpEnabled,
    organisation: session.organisation,
    csrfToken: session.csrfToken,
  };
}
