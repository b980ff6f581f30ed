import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '#server/db.ts';
import type * as q from './appointments.queries.ts';
import { appointmentIdempotency } from './appointments.schema.ts';
import { buildOfficeContext, type OfficeContext } from './office-context.ts';

/**
 * The public booking's statements, each answering in one round trip (decision 0010, "Speed").
 * Rows come back as JSON (snake_case keys from `to_jsonb`), turned into the Drizzle row shapes here.
 */

const DAY = 86_400_000;

const camel = (key: string): string => key.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
type Json = Record<string, unknown>;
function camelRow(row: Json): Json {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [camel(k), v]));
}
const toDate = (v: unknown): Date => new Date(v as string);
const toDateOrNull = (v: unknown): Date | null => (v === null || v === undefined ? null : new Date(v as string));

export interface Preflight {
  providerId: string | null;
  /** An unexpired idempotency record of this key: the stored answer, sealed. */
  replay: { requestHash: string; responseSealed: string } | null;
  /** Counters after this request; empty when it was a replay (a retry is not counted again). */
  hits: { key: string; hits: number; windowStart: Date }[];
  /** Open (future, booked) appointments of the contact at all providers: a number, nothing else. */
  openBookings: number;
}

/**
 * One statement before the booking (system scope: the provider is not known yet): the office's
 * provider, an earlier answer under the idempotency key, and — only when there is none — the
 * per-address and per-contact counters counted up (upsert, ordered address first like before).
 * Its own short transaction, so refused and failed attempts stay counted. The contact's open bookings
 * are counted here across all providers (the cap is global; the booking's own transaction runs under
 * one provider's row-level security): an aggregate by the keyed contact hash, only a number leaves.
 */
export async function bookingPreflight(
  tx: Tx,
  p: { officeId: string; idempotencyKey: string; now: Date; ipKey: string; contactKey: string | null; openContactKey: string | null },
): Promise<Preflight> {
  const now = p.now.toISOString();
  const rows = await queryRows<{ provider_id: string | null; request_hash: string | null; response_sealed: string | null; hits: { key: string; hits: number; window_start: string }[] | null; open_bookings: number | string | null }>(tx, sql`
    with o as (select provider_id from office where id = ${p.officeId}),
    idem as (
      select i.request_hash, i.response_sealed from appointment_idempotency i, o
      where i.key = o.provider_id::text || ':' || ${p.idempotencyKey} and i.expires_at >= ${now}::timestamptz
    ),
    hit as (
      insert into rate_limit (key, window_start, hits)
      select v.k, ${now}::timestamptz, 1 from (values (${p.ipKey}::text, 1), (${p.contactKey}::text, 2)) as v(k, ord)
      where v.k is not null and exists (select 1 from o) and not exists (select 1 from idem)
      order by v.ord
      on conflict (key) do update set
        hits = case when rate_limit.window_start <= ${now}::timestamptz - make_interval(secs => case when rate_limit.key = ${p.ipKey} then 3600 else 86400 end) then 1 else rate_limit.hits + 1 end,
        window_start = case when rate_limit.window_start <= ${now}::timestamptz - make_interval(secs => case when rate_limit.key = ${p.ipKey} then 3600 else 86400 end) then ${now}::timestamptz else rate_limit.window_start end
      returning key, hits, window_start
    )
    select (select provider_id from o) as provider_id, (select request_hash from idem) as request_hash, (select response_sealed from idem) as response_sealed,
      (select json_agg(json_build_object('key', key, 'hits', hits, 'window_start', window_start)) from hit) as hits,
      (select count(*) from appointment a where ${p.openContactKey}::text is not null and a.contact_key = ${p.openContactKey}
        and a.status = 'booked' and a.starts_at > ${now}::timestamptz) as open_bookings`);
  const row = rows[0];
  return {
    providerId: row?.provider_id ?? null,
    replay: row?.request_hash && row.response_sealed ? { requestHash: row.request_hash, responseSealed: row.response_sealed } : null,
    hits: (row?.hits ?? []).map((h) => ({ key: h.key, hits: Number(h.hits), windowStart: toDate(h.window_start) })),
    openBookings: Number(row?.open_bookings ?? 0),
  };
}

/** Blocking bookings as parallel arrays (id, counsellor, interpreter, from ms, to ms): cheaper than an object per row. */
function busyRows([ids, counsellors, interpreters, froms, tos]: [string[], string[], (string | null)[], number[], number[]]): BookingSnapshot['busy'] {
  return ids.map((id, i) => ({ id, counsellorId: counsellors[i] ?? '', interpreterId: interpreters[i] ?? null, blockedFrom: new Date(Number(froms[i])), blockedTo: new Date(Number(tos[i])) }));
}

export interface BookingSnapshot {
  ctx: OfficeContext;
  type: q.TypeRow | undefined;
  replay: { requestHash: string; responseSealed: string } | null;
  recentlyCancelled: boolean;
  held: Pick<q.AppointmentRow, 'id' | 'status' | 'channel' | 'officeId' | 'typeId' | 'startsAt' | 'language' | 'holdExpiresAt'> | null;
  busy: { id: string; counsellorId: string; interpreterId: string | null; blockedFrom: Date; blockedTo: Date }[];
  webBooked: Map<string, number>;
}

/**
 * Everything the booking needs, read in one statement after the idempotency lock: the earlier
 * answer under the key, the office with its type, counsellors (languages, availability, absences),
 * hours, exceptions and closures, the contact's recent cancellation of this start (its open bookings at all providers
 * are counted by the preflight),
 * the hold behind a hold token, and the blocking bookings and web quota counts of the ranges given
 * (the start's day and the first week for the next-free-slot figure). Expired holds around the start
 * are deleted in the same statement (the exclusion constraints would still count them); expired
 * waitlist offers are left to the housekeeping job, which passes them on to the next person.
 */
export async function bookingSnapshot(
  tx: Tx,
  p: { officeId: string; typeId: string; idempotencyKey: string; contactKey: string; now: Date; start: Date; rebookSince: Date; holdTokenHash: string | null; ranges: [Date, Date][] },
): Promise<BookingSnapshot | null> {
  const now = p.now.toISOString();
  const iso = (d: Date) => d.toISOString();
  const ranges = sql.join(
    p.ranges.map(([from, to]) => sql`(a.starts_at > ${iso(new Date(from.getTime() - DAY))}::timestamptz and a.starts_at < ${iso(new Date(to.getTime() + DAY))}::timestamptz and a.blocked_from < ${iso(to)}::timestamptz and a.blocked_to > ${iso(from)}::timestamptz)`),
    sql` or `,
  );
  const quota = sql.join(p.ranges.map(([from, to]) => sql`(a.starts_at >= ${iso(from)}::timestamptz and a.starts_at < ${iso(to)}::timestamptz)`), sql` or `);
  const rows = await queryRows<{ snapshot: Json | null }>(tx, sql`
    with del as (
      delete from appointment where office_id = ${p.officeId} and status = 'held' and channel <> 'waitlist' and hold_expires_at < ${now}::timestamptz
        and starts_at > ${iso(new Date(p.start.getTime() - DAY))}::timestamptz and starts_at < ${iso(new Date(p.start.getTime() + DAY))}::timestamptz
      returning id
    ),
    o as (
      select o.id, o.name, o.provider_id, org.name as provider_name, o.region_id, r.code as region_code, r.name as region_name, o.predecessor_id,
        o.street, o.house_number, o.postcode, o.city, o.lat, o.lon, o.phone, o.email, o.web, o.languages, o.accessibility, o.site_assessment, o.valid_from, o.valid_to
      from office o join organisation org on org.id = o.provider_id join region r on r.id = o.region_id where o.id = ${p.officeId}
    )
    select case when not exists (select 1 from o) then null else json_build_object(
      'office', (select to_jsonb(o) from o),
      'types', (select coalesce(jsonb_agg(to_jsonb(t)), '[]') from appointment_type t where t.id = ${p.typeId} and t.office_id = ${p.officeId}),
      'resources', (select coalesce(jsonb_agg(to_jsonb(r) order by r.created_at, r.id), '[]') from appointment_resource r where r.office_id = ${p.officeId}),
      'availability', (select coalesce(jsonb_agg(to_jsonb(v)), '[]') from resource_availability v where v.office_id = ${p.officeId}),
      'absences', (select coalesce(jsonb_agg(to_jsonb(b)), '[]') from resource_absence b where b.office_id = ${p.officeId}),
      'hours', (select coalesce(jsonb_agg(to_jsonb(h) order by h.weekday, h.opens), '[]') from office_opening_hours h where h.office_id = ${p.officeId}),
      'exceptions', (select coalesce(jsonb_agg(to_jsonb(e) order by e.date, e.opens), '[]') from office_hours_exception e where e.office_id = ${p.officeId}),
      'closures', (select coalesce(jsonb_agg(to_jsonb(c) order by c.starts_on), '[]') from office_closure c where c.office_id = ${p.officeId}),
      'replay', (select json_build_object('request_hash', i.request_hash, 'response_sealed', i.response_sealed) from appointment_idempotency i
                 where i.key = ${p.idempotencyKey} and i.expires_at >= ${now}::timestamptz),
      'recently_cancelled', exists (select 1 from appointment a where a.contact_key = ${p.contactKey} and a.office_id = ${p.officeId} and a.status = 'cancelled'
                 and a.starts_at = ${iso(p.start)}::timestamptz and a.cancelled_at >= ${iso(p.rebookSince)}::timestamptz),
      'held', (select json_build_object('id', a.id, 'status', a.status, 'channel', a.channel, 'office_id', a.office_id, 'type_id', a.type_id, 'starts_at', a.starts_at, 'language', a.language, 'hold_expires_at', a.hold_expires_at)
                 from appointment a where ${p.holdTokenHash}::text is not null and a.token_hash = ${p.holdTokenHash}),
      'busy', (select json_build_array(coalesce(array_agg(a.id), '{}'), coalesce(array_agg(a.counsellor_id), '{}'), coalesce(array_agg(a.interpreter_id), '{}'),
                 coalesce(array_agg(floor(extract(epoch from a.blocked_from) * 1000)), '{}'), coalesce(array_agg(floor(extract(epoch from a.blocked_to) * 1000)), '{}'))
                 from appointment a where a.office_id = ${p.officeId} and a.status <> 'cancelled' and (a.status <> 'held' or a.hold_expires_at > ${now}::timestamptz) and (${ranges})),
      -- The web quota per Berlin day, only read when the type has one.
      'web_booked', (select coalesce(json_object_agg(d.day, d.n), '{}') from (
                 select to_char(a.starts_at at time zone 'Europe/Berlin', 'YYYY-MM-DD') as day, count(*) as n from appointment a
                 where exists (select 1 from appointment_type t where t.id = ${p.typeId} and t.web_per_day is not null)
                   and a.office_id = ${p.officeId} and a.type_id = ${p.typeId} and a.channel <> 'staff' and a.status not in ('cancelled', 'held') and (${quota})
                 group by 1) d)
    ) end as snapshot`);
  const s = rows[0]?.snapshot;
  if (!s) return null;
  const list = (key: string): Json[] => ((s[key] as Json[] | null) ?? []).map(camelRow);
  const office = camelRow(s['office'] as Json) as unknown as OfficeContext['office'];
  const types = list('types').map((t) => ({ ...t, createdAt: toDate(t['createdAt']) }) as unknown as q.TypeRow);
  const resources = list('resources').map((r) => ({ ...r, createdAt: toDate(r['createdAt']) }) as unknown as q.ResourceRow);
  const availability = list('availability') as unknown as { resourceId: string; weekday: number; starts: string; ends: string; validFrom: string | null; validTo: string | null }[];
  const absences = list('absences').map((a) => ({ resourceId: a['resourceId'] as string, startsAt: toDate(a['startsAt']), endsAt: toDate(a['endsAt']) }));
  const hours = list('hours') as unknown as Parameters<typeof buildOfficeContext>[3];
  const exceptions = list('exceptions') as unknown as Parameters<typeof buildOfficeContext>[4];
  const closures = list('closures') as unknown as Parameters<typeof buildOfficeContext>[5];
  const replay = s['replay'] ? camelRow(s['replay'] as Json) : null;
  const held = s['held'] ? camelRow(s['held'] as Json) : null;
  const ctx = buildOfficeContext(office, types, { resources, availability, absences }, hours, exceptions, closures);
  return {
    ctx,
    type: types[0],
    replay: replay ? { requestHash: replay['requestHash'] as string, responseSealed: replay['responseSealed'] as string } : null,
    recentlyCancelled: s['recently_cancelled'] === true,
    held: held ? ({ ...held, startsAt: toDate(held['startsAt']), holdExpiresAt: toDateOrNull(held['holdExpiresAt']) } as unknown as BookingSnapshot['held']) : null,
    busy: busyRows(s['busy'] as [string[], string[], (string | null)[], number[], number[]]),
    webBooked: new Map(Object.entries((s['web_booked'] as Record<string, number> | null) ?? {}).map(([d, n]) => [d, Number(n)])),
  };
}

/** Serialises requests with the same idempotency key until the transaction ends. */
export async function lockIdempotencyKey(tx: Tx, storedKey: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${storedKey}, 0))`);
}

/** Keeps the answer under the key; an expired record of the key (not yet swept) is replaced. */
export async function saveIdempotencyRecord(tx: Tx, values: typeof appointmentIdempotency.$inferInsert): Promise<void> {
  const { key: _key, providerId: _providerId, ...record } = values;
  await tx.insert(appointmentIdempotency).values(values).onConflictDoUpdate({ target: appointmentIdempotency.key, set: record });
}
