import * as c from '#contracts/retention.ts';
import type { Deps } from '#server/deps.ts';
import type { App } from '#server/http/types.ts';
import * as retention from './retention.service.ts';

/** Retention: the review list (a dry run) and erasing what is due now. */
export async function retentionRoutes(app: App, deps: Deps): Promise<void> {
  const tags = ['cases'];

  app.get('/api/retention', {
    config: { action: 'retention.review' },
    schema: { tags, summary: 'The closed case files due for erasure (closed longer than LOTSE_CASE_RETENTION_YEARS): ids, closed on, reason, due since and what would be erased as counts — a dry run, nothing changes', response: { 200: c.retentionReview } },
  }, async (request) => retention.reviewRetention(deps, request.actor));

  app.post('/api/retention/erase', {
    config: { action: 'retention.erase' },
    schema: { tags, summary: 'Erase the chosen due case files now (households, people and their records; statistics kept); those not due are skipped; logged as retention.erase with ids and counts only', body: c.retentionEraseBody, response: { 200: c.retentionEraseResult } },
  }, async (request) => retention.eraseDueNow(deps, request.actor, request.body));
}
