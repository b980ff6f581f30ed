import { describe, expect, it } from 'vitest';
import { anonymous, problemStatus, staffActor } from '#test/actors.ts';
import { officeActor, officePermittedActions, requireOnOffice } from './offices.policy.ts';

const nordOffice = { providerId: 'prov-a', regionCode: 'nord' };
const suedOffice = { providerId: 'prov-a', regionCode: 'sued' };

describe('offices policy (the catalogue on an office)', () => {
  it('refuses a role the action does not name with 403', () => {
    expect(problemStatus(() => officeActor(staffActor('social_worker', 'prov-a'), 'office.edit'))).toBe(403);
    expect(problemStatus(() => officeActor(staffActor('evaluator', 'city'), 'office.assess-site'))).toBe(403);
    expect(problemStatus(() => officeActor(staffActor('evaluator', 'city'), 'office.read-lead-times'))).toBe(0);
    expect(problemStatus(() => officeActor(anonymous, 'office.edit'))).toBe(401);
  });

  it("a provider's admin reaches its own offices only (404 for another provider's)", () => {
    expect(problemStatus(() => requireOnOffice(staffActor('provider_admin', 'prov-a'), 'office.edit', nordOffice))).toBe(0);
    expect(problemStatus(() => requireOnOffice(staffActor('provider_admin', 'prov-b'), 'office.edit', nordOffice))).toBe(404);
  });

  it('a coordinator assigned to Nord assesses Nord offices, not Süd ones; unassigned every region', () => {
    expect(problemStatus(() => requireOnOffice(staffActor('city_coordinator', 'city', ['nord']), 'office.assess-site', nordOffice))).toBe(0);
    expect(problemStatus(() => requireOnOffice(staffActor('city_coordinator', 'city', ['nord']), 'office.assess-site', suedOffice))).toBe(404);
    expect(problemStatus(() => requireOnOffice(staffActor('city_coordinator', 'city'), 'office.assess-site', suedOffice))).toBe(0);
    // the city's administration reaches every office whatever its assignment
    expect(problemStatus(() => requireOnOffice(staffActor('city_admin', 'city', ['nord']), 'office.assess-site', suedOffice))).toBe(0);
  });

  it("a social worker assigned to Nord sees its provider's Nord calendar, not Süd's, never another provider's", () => {
    expect(problemStatus(() => requireOnOffice(staffActor('social_worker', 'prov-a', ['nord']), 'appointment.read-calendar', nordOffice))).toBe(0);
    expect(problemStatus(() => requireOnOffice(staffActor('social_worker', 'prov-a', ['nord']), 'appointment.read-calendar', suedOffice))).toBe(404);
    expect(problemStatus(() => requireOnOffice(staffActor('social_worker', 'prov-a'), 'appointment.read-calendar', suedOffice))).toBe(0);
    expect(problemStatus(() => requireOnOffice(staffActor('social_worker', 'prov-b'), 'appointment.read-calendar', nordOffice))).toBe(404);
  });

  it("an office's permitted actions follow the same rule; anonymous gets none", () => {
    expect(officePermittedActions(anonymous, nordOffice)).toEqual([]);
    const own = officePermittedActions(staffActor('provider_admin', 'prov-a'), nordOffice);
    expect(own).toContain('office.edit');
    expect(own).toContain('appointment.read-calendar');
    expect(own).not.toContain('office.assess-site');
    const foreign = officePermittedActions(staffActor('provider_admin', 'prov-b'), nordOffice);
    expect(foreign).not.toContain('office.edit');
    expect(foreign).toContain('office.read-scorecard');
    expect(officePermittedActions(staffActor('city_coordinator', 'city', ['nord']), suedOffice)).not.toContain('office.assess-site');
    expect(officePermittedActions(staffActor('evaluator', 'city'), suedOffice)).toEqual(['office.read-scorecard', 'office.read-evidence', 'office.read-lead-times']);
  });
});
