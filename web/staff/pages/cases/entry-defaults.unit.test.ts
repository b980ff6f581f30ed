import { describe, expect, it } from 'vitest';
import type { ServiceEntry } from '#contracts/case-work.ts';
import { entryDefaults, recentFirst } from './entry-defaults.ts';

const head = { id: 'p-head', isHead: true, language: 'ar' };
const child = { id: 'p-child', isHead: false, language: null };

function entry(serviceId: string, setting: ServiceEntry['setting'], minutes: number): ServiceEntry {
  return { service: { id: serviceId }, setting, minutes } as unknown as ServiceEntry;
}

describe('entryDefaults', () => {
  it('starts today with the head counselled in their language, office and 30 minutes when there is no entry', () => {
    expect(entryDefaults('2026-12-04', [child, head], [], new Set())).toEqual({
      occurredOn: '2026-12-04', serviceId: null, setting: 'office', minutes: 30,
      counselledIds: ['p-head'], alongsideIds: [], language: 'ar', interpreter: false,
    });
  });
  it('takes the last used service, setting and duration', () => {
    const d = entryDefaults('2026-12-04', [head], [entry('s2', 'phone', 15), entry('s1', 'home_visit', 60)], new Set(['s1', 's2']));
    expect([d.serviceId, d.setting, d.minutes]).toEqual(['s2', 'phone', 15]);
  });
  it('drops a last service that is no longer in the catalog in force', () => {
    expect(entryDefaults('2026-12-04', [head], [entry('old', 'video', 45)], new Set(['s1'])).serviceId).toBeNull();
  });
  it('falls back to the first member and German without a head or language', () => {
    const d = entryDefaults('2026-12-04', [child], [], new Set());
    expect([d.counselledIds, d.language]).toEqual([['p-child'], 'de']);
  });
});

describe('recentFirst', () => {
  it('puts recently used services first, newest use first, without duplicates', () => {
    expect(recentFirst(['a', 'b', 'c', 'd'], [entry('c', 'office', 30), entry('a', 'office', 30), entry('c', 'office', 30)])).toEqual(['c', 'a', 'b', 'd']);
  });
});
