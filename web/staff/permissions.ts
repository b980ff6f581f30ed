import { mayOnRecord, type Action, type Reacher, type RecordScope } from '#contracts/actions.ts';
import { useMe, type Me } from './session.tsx';

/** A record as the API sends it: where the answer depends on the record, it names its permitted actions. */
export interface PermittedRecord {
  permittedActions?: readonly Action[] | undefined;
}

/** The parts of the signed-in staff member the catalogue's record rule reads. */
export function reacherOf(me: Me): Reacher {
  return { role: me.role, organisationId: me.organisation.id, organisationKind: me.organisation.kind, regionCodes: me.regionCodes };
}

/** An office's reach: its provider and its region. */
export function officeScope(office: { provider: { id: string }; region: { code: string } }): RecordScope {
  return { organisationId: office.provider.id, regionCode: office.region.code };
}

/**
 * What the signed-in staff member may do, from the action catalogue (contracts/actions.ts):
 * `may(action)` somewhere (from `/api/auth/me`'s permittedActions: menus, pages), `mayOn(action,
 * scope, record)` on one record — the record's own `permittedActions` when the API sends them
 * (offices and accounts list every action the pages ask about), otherwise the catalogue's record
 * rule (own organisation, own region) on the record's scope.
 */
export function permissionsOf(me: Me) {
  const granted = new Set<Action>(me.permittedActions);
  const may = (action: Action): boolean => granted.has(action);
  const mayOn = (action: Action, scope: RecordScope, record?: PermittedRecord): boolean => {
    if (!may(action)) return false;
    if (record?.permittedActions) return record.permittedActions.includes(action);
    return mayOnRecord(reacherOf(me), action, scope);
  };
  return { may, mayOn };
}

export function usePermissions() {
  return permissionsOf(useMe());
}
