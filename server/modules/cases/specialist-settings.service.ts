import type { z } from 'zod';
import type { SpecialistSetting, specialistSettingBody } from '#contracts/specialist-requests.ts';
import type { DbScope, Tx } from '#server/db.ts';
import type { Deps } from '#server/deps.ts';
import { recordAudit } from '#server/modules/audit/audit.public.ts';
import type { Actor, StaffActor } from '#server/modules/identity/identity.public.ts';
import { authorizeStaff } from '#server/platform/authorize.ts';
import { staleProblem } from './people.service.ts';
import * as s from './specialist-requests.queries.ts';

/**
 * The city's Fachleistung setting (decision 0016): the threshold of hours a request must forecast
 * over the next 12 months. The city's administration sets it (city scope, audited, with the version
 * read); until it does, the configured default holds (LOTSE_SPECIALIST_THRESHOLD_HOURS, 35).
 */

const cityScope = (staff: StaffActor): DbScope => ({ kind: 'city', organisationId: staff.organisationId });

/** The threshold in force, in the caller's transaction (every scope reads the setting). */
export async function thresholdOf(deps: Pick<Deps, 'config'>, tx: Tx): Promise<number> {
  return (await s.findSetting(tx))?.thresholdHours ?? deps.config.cases.specialistThresholdHours;
}

function present(deps: Pick<Deps, 'config'>, row: s.SettingRow | undefined): SpecialistSetting {
  return row
    ? { thresholdHours: row.thresholdHours, defaultHours: deps.config.cases.specialistThresholdHours, updatedAt: row.updatedAt.toISOString(), version: row.version }
    : { thresholdHours: deps.config.cases.specialistThresholdHours, defaultHours: deps.config.cases.specialistThresholdHours, updatedAt: null, version: 0 };
}

/** GET /api/specialist-settings: the threshold in force and the configured default. */
export async function readSpecialistSetting(deps: Deps, actor: Actor): Promise<SpecialistSetting> {
  const staff = authorizeStaff(actor, 'specialist-setting.edit');
  return deps.db.transaction(cityScope(staff), async (tx) => present(deps, await s.findSetting(tx)));
}

/** PUT /api/specialist-settings: a new threshold with the version read (0 the first time; 409 with `current`); audited. */
export async function saveSpecialistSetting(deps: Deps, actor: Actor, input: z.infer<typeof specialistSettingBody>): Promise<SpecialistSetting> {
  const staff = authorizeStaff(actor, 'specialist-setting.edit');
  const now = deps.now();
  return deps.db.transaction(cityScope(staff), async (tx) => {
    const saved = await s.saveSettingAt(tx, input.version, input.thresholdHours, staff.accountId, now);
    if (!saved) throw staleProblem(present(deps, await s.findSetting(tx)));
    await recordAudit(tx, staff, { action: 'specialist-setting.update', recordType: 'specialist_setting', recordIds: [String(saved.id)] }, now);
    return present(deps, saved);
  });
}
