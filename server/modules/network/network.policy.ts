import type { Action, RecordScope } from '#contracts/actions.ts';

/**
 * Who may do what with the network's partners: a partner is a record of its provider in its region,
 * so a social worker assigned to regions reaches the partners of those regions only. Pure, tested
 * through the API (network.test.ts) and the route access walk.
 */

export function partnerRecord(p: { organisationId: string; regionCode: string }): RecordScope {
  return { organisationId: p.organisationId, regionCode: p.regionCode };
}

export const PARTNER_LIST_ACTIONS = ['partner.read', 'partner.manage'] as const satisfies readonly Action[];
