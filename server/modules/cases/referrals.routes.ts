import { idParams } from '#contracts/common.ts';
import * as c from '#contracts/referrals.ts';
import type { Deps } from '#server/deps.ts';
import type { App } from '#server/http/types.ts';
import * as referrals from './referrals.service.ts';

/** Referrals of a household's people to partners (only with a valid consent; read audited; changed with the version read). */
export async function referralsRoutes(app: App, deps: Deps): Promise<void> {
  const tags = ['cases'];

  app.get('/api/households/:id/referrals', {
    config: { action: 'referral.read' },
    schema: { tags, summary: 'The household\'s referrals to partners with their state and follow-up, the partners of its region, the actions permitted; every view is audited', params: idParams, response: { 200: c.referralList } },
  }, async (request) => referrals.listReferrals(deps, request.actor, request.params.id));

  app.post('/api/households/:id/referrals', {
    config: { action: 'referral.create' },
    schema: { tags, summary: 'Refer a person of the household to a partner for a purpose (409 consent-missing without a valid consent of the person for that partner)', params: idParams, body: c.createReferralBody, response: { 201: c.referral } },
  }, async (request, reply) => reply.status(201).send(await referrals.createReferral(deps, request.actor, request.params.id, request.body)));

  app.patch('/api/referrals/:id', {
    config: { action: 'referral.update' },
    schema: { tags, summary: 'Change a referral\'s state (sent → accepted → done, or rejected, with an outcome), follow-up date or outcome with the version read (409 with `current` when changed meanwhile)', params: idParams, body: c.updateReferralBody, response: { 200: c.referral } },
  }, async (request) => referrals.updateReferral(deps, request.actor, request.params.id, request.body));
}
