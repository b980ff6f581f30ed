import type { ServiceEntry } from '#contracts/case-work.ts';

/** A household member as the entry form needs it. */
export interface EntryMember { id: string; isHead: boolean; language: string | null }

/** What a new service entry starts with, so a usual contact needs only the service and the note. */
export interface EntryDefaults {
  occurredOn: string;
  serviceId: string | null;
  setting: ServiceEntry['setting'];
  minutes: number;
  counselledIds: string[];
  alongsideIds: string[];
  language: string;
  interpreter: boolean;
}

/**
 * Defaults for a new entry: today (given, Europe/Berlin), the last used service/setting/duration of
 * this household (entries newest first), the head of household counselled (else the first member),
 * the language from that person (else German), no interpreter and nobody alongside.
 */
export function entryDefaults(today: string, members: readonly EntryMember[], entries: readonly ServiceEntry[], serviceIdsInForce: ReadonlySet<string>): EntryDefaults {
  const last = entries[0];
  const head = members.find((m) => m.isHead) ?? members[0];
  const lastServiceId = last?.service.id ?? null;
  return {
    occurredOn: today,
    serviceId: lastServiceId && serviceIdsInForce.has(lastServiceId) ? lastServiceId : null,
    setting: last?.setting ?? 'office',
    minutes: last?.minutes ?? 30,
    counselledIds: head ? [head.id] : [],
    alongsideIds: [],
    language: head?.language ?? 'de',
    interpreter: false,
  };
}

/** Service ids ordered for the picker: recently used first (newest use first), then the rest as given. */
export function recentFirst(serviceIds: readonly string[], entries: readonly ServiceEntry[]): string[] {
  const recent: string[] = [];
  for (const entry of entries) if (serviceIds.includes(entry.service.id) && !recent.includes(entry.service.id)) recent.push(entry.service.id);
  return [...recent, ...serviceIds.filter((id) => !recent.includes(id))];
}
