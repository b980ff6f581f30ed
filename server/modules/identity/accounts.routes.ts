import { idParams } from '#contracts/common.ts';
import * as c from '#contracts/identity.ts';
import type { Deps } from '#server/deps.ts';
import type { App } from '#server/http/types.ts';
import { changeAccount, createAccount, getAccount, listAccounts, resetAccountTotp } from './accounts.service.ts';

/**
 * Staff accounts: city_admin manages every organisation's, provider_admin its own organisation's.
 * An account the caller may not manage answers 404.
 */
export async function accountsRoutes(app: App, deps: Deps): Promise<void> {
  const tags = ['accounts'];

  app.get('/api/accounts', {
    config: { action: 'account.list' },
    schema: { tags, summary: "List an organisation's accounts", querystring: c.accountListQuery, response: { 200: c.accountList } },
  }, async (request) => listAccounts(deps, request.actor, request.query));

  app.post('/api/accounts', {
    config: { action: 'account.create' },
    schema: { tags, summary: 'Create an account, with an initial password or by invitation mail', body: c.createAccountBody, response: { 201: c.account } },
  }, async (request, reply) => reply.status(201).send(await createAccount(deps, request.actor, request.body)));

  app.get('/api/accounts/:id', {
    config: { action: 'account.read' },
    schema: { tags, summary: 'One account', params: idParams, response: { 200: c.account } },
  }, async (request) => getAccount(deps, request.actor, request.params.id));

  app.patch('/api/accounts/:id', {
    config: { action: 'account.edit' },
    schema: { tags, summary: 'Rename, change role, disable/enable, clear a lock', params: idParams, body: c.updateAccountBody, response: { 200: c.account } },
  }, async (request) => changeAccount(deps, request.actor, request.params.id, request.body));

  app.post('/api/accounts/:id/totp-reset', {
    config: { action: 'account.reset-second-factor' },
    schema: {
      tags,
      summary: "Reset an account's second factor (lost phone): ends its sessions; where the organisation requires one, the next login asks for enrolment. Not one's own account",
      params: idParams,
      response: { 200: c.account },
    },
  }, async (request) => resetAccountTotp(deps, request.actor, request.params.id));
}
