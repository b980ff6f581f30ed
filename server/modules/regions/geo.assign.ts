import type { GeoFeature } from './geo.geojson.ts';
import type { MultiPolygonCoords } from './geo.polygon.ts';
import { normaliseStreet } from './street-directory.normalise.ts';

/**
 * Which quarter or member each imported polygon stands for. Pure: the reference data (quarters and
 * members as the database holds them) comes in as arguments. Codes only — names are compared only to
 * match an Ortschaft or member named in the city's own table, never an address's free text.
 */
export type BoundaryKind = 'quarter' | 'member' | 'unit';

export interface ReferenceView {
  quarters: Map<string, { members: string[] }>;
  members: { code: string; name: string; kind: 'district' | 'locality'; officialCode: string | null }[];
}

export interface AssignedUnit {
  code: string;
  name: string;
  quarterCode: string | null;
  memberCode: string | null;
  geometry: MultiPolygonCoords;
}

export interface Assignment {
  kind: BoundaryKind;
  units: AssignedUnit[];
  unassigned: { code: string; reason: 'not-in-table' | 'unknown-quarter' | 'unknown-member' | 'no-code' | 'duplicate' }[];
}

const QUARTER_KEYS = ['stadtteil_code', 'quarter_code', 'stadtteil', 'st_code', 'code'];
const NAME_KEYS = ['name', 'stadtteil_name', 'bezeichnung', 'wb_text'];
const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');

/** A quarter code as the reference has it: "1" and "01" both mean 01. */
export function quarterCodeOf(value: string, ref: ReferenceView): string | null {
  const v = value.trim();
  if (!/^\d{1,2}$/.test(v)) return null;
  const code = v.padStart(2, '0');
  return ref.quarters.has(code) ? code : null;
}

/** A member from the table's Ortschaft name, official Stadtbezirk code or slug. */
export function memberCodeOf(input: { slug?: string; officialCode?: string; name?: string; kind?: 'district' | 'locality' }, ref: ReferenceView): string | null {
  if (input.slug) return ref.members.find((m) => m.code === input.slug)?.code ?? null;
  if (input.officialCode) return ref.members.find((m) => m.officialCode === input.officialCode)?.code ?? null;
  if (input.name) {
    const key = normaliseStreet(input.name);
    return ref.members.find((m) => normaliseStreet(m.name) === key && (!input.kind || m.kind === input.kind))?.code ?? null;
  }
  return null;
}

function nameOf(props: Record<string, unknown>, fallback: string): string {
  for (const k of NAME_KEYS) if (str(props[k])) return str(props[k]);
  return fallback;
}

function detectKind(features: GeoFeature[], ref: ReferenceView): 'quarter' | 'member' {
  const quarterLike = features.filter((f) => QUARTER_KEYS.some((k) => quarterCodeOf(str(f.properties[k]), ref)));
  return quarterLike.length * 2 > features.length ? 'quarter' : 'member';
}

/** The finer units' code column: the table's first column (e.g. `wb`). */
function unitsByTable(features: GeoFeature[], table: { header: string[]; rows: Record<string, string>[] }, ref: ReferenceView): Assignment {
  const codeKey = table.header[0] ?? 'code';
  const rows = new Map(table.rows.map((r) => [r[codeKey] ?? '', r]));
  const out: Assignment = { kind: 'unit', units: [], unassigned: [] };
  const seen = new Set<string>();
  for (const f of features) {
    const code = str(f.properties[codeKey]) || str(f.properties['code']);
    if (!code) {
      out.unassigned.push({ code: '', reason: 'no-code' });
      continue;
    }
    if (seen.has(code)) {
      out.unassigned.push({ code, reason: 'duplicate' });
      continue;
    }
    seen.add(code);
    const row = rows.get(code);
    if (!row) {
      out.unassigned.push({ code, reason: 'not-in-table' });
      continue;
    }
    const quarterCode = quarterCodeOf(row['stadtteil_code'] ?? row['quarter_code'] ?? '', ref);
    if (!quarterCode) {
      out.unassigned.push({ code, reason: 'unknown-quarter' });
      continue;
    }
    let memberCode: string | null = null;
    const ortschaft = row['ortschaft'] ?? '';
    if (ortschaft) {
      memberCode = memberCodeOf({ name: ortschaft, kind: 'locality' }, ref);
      if (!memberCode || !ref.quarters.get(quarterCode)?.members.includes(memberCode)) {
        out.unassigned.push({ code, reason: 'unknown-member' });
        continue;
      }
    }
    out.units.push({ code, name: row[`${codeKey}_text`] || nameOf(f.properties, code), quarterCode, memberCode, geometry: f.geometry });
  }
  return out;
}

export function assignFeatures(features: GeoFeature[], table: { header: string[]; rows: Record<string, string>[] } | null, ref: ReferenceView): Assignment {
  if (table) return unitsByTable(features, table, ref);
  const kind = detectKind(features, ref);
  const out: Assignment = { kind, units: [], unassigned: [] };
  const seen = new Set<string>();
  for (const f of features) {
    const p = f.properties;
    let code: string | null = null;
    let label = '';
    if (kind === 'quarter') {
      for (const k of QUARTER_KEYS) {
        code ??= quarterCodeOf(str(p[k]), ref);
        label ||= str(p[k]);
      }
    } else {
      const typ = str(p['typ']).toLowerCase();
      const official = typ === 'ortschaft' ? '' : str(p['stadtbezirk_code']);
      code = memberCodeOf(str(p['member_code']) ? { slug: str(p['member_code']) } : official ? { officialCode: official } : { name: str(p['name']), ...(typ === 'ortschaft' ? { kind: 'locality' as const } : {}) }, ref);
      label = str(p['member_code']) || str(p['name']);
    }
    if (!code) {
      out.unassigned.push({ code: label, reason: kind === 'quarter' ? 'unknown-quarter' : 'unknown-member' });
      continue;
    }
    if (seen.has(code)) {
      // Several polygons of one quarter or member: one MultiPolygon.
      const unit = out.units.find((u) => u.code === code);
      unit?.geometry.push(...f.geometry);
      continue;
    }
    seen.add(code);
    out.units.push({
      code,
      name: nameOf(p, code),
      quarterCode: kind === 'quarter' ? code : null,
      memberCode: kind === 'member' ? code : null,
      geometry: f.geometry,
    });
  }
  return out;
}
