import type { Place } from '#contracts/geo.ts';
import type { Deps } from '#server/deps.ts';
import { forbidden, invalid, Problem } from '#server/platform/problem.ts';
import { recordAudit } from '#server/modules/audit/audit.public.ts';
import type { Actor } from '#server/modules/identity/identity.public.ts';
import { berlinDate } from '#server/time.ts';
import { memberCodeOf } from './geo.assign.ts';
import { parseCsv } from './geo.csv.ts';
import { auditOrganisation, placeOf } from './geo.service.ts';
import * as q from './geo.queries.ts';
import { canEditReferenceData, referenceDataScope } from './regions.policy.ts';
import { houseNumberOf, normaliseStreet, parityOf, rangeHolds } from './street-directory.normalise.ts';

/**
 * The street directory: address → quarter (→ Ortschaft where given) → member → region. Never by
 * matching an address's text against quarter names (DOMAIN.md): only through this table's codes.
 */
const REQUIRED = ['street', 'from', 'to', 'stadtteil_code'];

export interface StreetRow {
  street: string;
  from: string;
  to: string;
  parity?: string;
  postcode?: string;
  stadtteil_code: string;
  ortschaft?: string;
}

/** Replaces the directory with the rows of a CSV (street, from, to, parity, postcode, stadtteil_code[, ortschaft]). */
export async function importStreetDirectory(deps: Pick<Deps, 'db' | 'now'>, actor: Actor, input: { csv: string }) {
  if (!canEditReferenceData(actor, 'geodata.import')) throw forbidden();
  const table = parseCsv(input.csv);
  const missing = REQUIRED.filter((c) => !table.header.includes(c));
  if (missing.length) throw invalid([{ field: 'csv', key: 'field.tableInvalid', values: { columns: missing.join(', ') } }]);
  return deps.db.transaction(referenceDataScope(actor), async (tx) => {
    const ref = await q.referenceView(tx);
    const quarterCodes = new Set(ref.quarters.map((r) => r.code));
    const view = { quarters: new Map<string, { members: string[] }>(), members: ref.members };
    const rejected: { line: number; reason: string }[] = [];
    const values: Parameters<typeof q.replaceStreetDirectory>[1] = [];
    table.rows.forEach((row, i) => {
      const line = i + 2;
      const from = houseNumberOf(row['from'] ?? '');
      const to = houseNumberOf(row['to'] ?? '') ?? from;
      const parity = parityOf(row['parity'] ?? '');
      const quarterCode = (row['stadtteil_code'] ?? '').padStart(2, '0');
      const key = normaliseStreet(row['street'] ?? '');
      if (!key) return rejected.push({ line, reason: 'no street' });
      if (from === null || to === null || to < from) return rejected.push({ line, reason: 'bad house-number range' });
      if (!parity) return rejected.push({ line, reason: 'bad parity (all, odd, even)' });
      if (!quarterCodes.has(quarterCode)) return rejected.push({ line, reason: `unknown stadtteil_code ${row['stadtteil_code'] ?? ''}` });
      let memberCode: string | null = null;
      if (row['ortschaft']) {
        memberCode = memberCodeOf({ name: row['ortschaft'], kind: 'locality' }, view);
        if (!memberCode) return rejected.push({ line, reason: `unknown ortschaft ${row['ortschaft']}` });
      }
      values.push({ streetKey: key, street: row['street'] ?? '', numberFrom: from, numberTo: to, parity, postcode: row['postcode'] || null, quarterCode, memberCode });
      return undefined;
    });
    if (values.length === 0) throw invalid([{ field: 'csv', key: 'field.noUnitsAssigned' }]);
    const organisationId = await auditOrganisation(tx, actor);
    await q.replaceStreetDirectory(tx, values);
    await recordAudit(tx, actor, { action: 'street-directory.import', recordType: 'street_directory_entry', recordIds: [], organisationId }, deps.now());
    return { entries: values.length, rejected };
  });
}

const notListed = (): Problem => new Problem(404, 'not-found', { detailKey: 'details.addressNotFound' });

/** An address → its place, or a 404 whose detail tells the visitor to choose the district from the list. */
export async function locateAddress(deps: Pick<Deps, 'db' | 'now'>, _actor: Actor, input: { street: string; number: string; postcode?: string | undefined; at?: string | undefined }): Promise<Place> {
  const at = input.at ?? berlinDate(deps.now());
  const n = houseNumberOf(input.number);
  if (n === null) throw notListed();
  return deps.db.transaction({ kind: 'public' }, async (tx) => {
    const entries = (await q.streetEntries(tx, normaliseStreet(input.street))).filter((e) => rangeHolds(e, n));
    const entry = entries.find((e) => input.postcode && e.postcode === input.postcode) ?? entries[0];
    if (!entry) throw notListed();
    const place = await placeOf(tx, { quarterCode: entry.quarterCode, memberCode: entry.memberCode }, at);
    if (!place) throw notListed();
    return place;
  });
}
