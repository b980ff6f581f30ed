import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { addressAnswers, bookingState, contactAnswers, languageAnswers, manageCode, manageState, timeAnswers, topicAnswers, waitlistAnswers } from './booking-pages.ts';

const locale = (lang: string, ns: string) => JSON.parse(readFileSync(new URL(`../locales/${lang}/${ns}.json`, import.meta.url), 'utf8')) as Record<string, unknown>;
const lookup = (lang: string, key: string): unknown => {
  const [ns = '', path = ''] = key.split(':');
  return path.split('.').reduce<unknown>((node, k) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[k] : undefined), locale(lang, ns));
};
const issues = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) => (r.error?.issues ?? []).map((i) => `${String(i.path[0])} ${i.message}`);

describe('the public forms’ contracts', () => {
  it('carried state never fails: missing, repeated or malformed values read as absent', () => {
    expect(bookingState.parse({})).toEqual({ type: '', language: '', start: '', hold: '', from: '', choose: false, taken: false, edit: false, key: '' });
    const s = bookingState.parse({ type: ['4b0e7c1e-8a55-4a5b-9d6a-2f0c7b1f2a3c', 'x'], language: 'deu', start: '2026-06-01T07:00:00.000Z', hold: 'short', from: '2026-13-40', choose: '1', key: { no: 1 } });
    expect(s).toMatchObject({ type: '4b0e7c1e-8a55-4a5b-9d6a-2f0c7b1f2a3c', language: '', start: '2026-06-01T07:00:00.000Z', hold: '', from: '', choose: true, key: '' });
    expect(manageState.parse({ token: 'x'.repeat(20), done: 'deleted' })).toEqual({ token: 'x'.repeat(20), done: '', from: '' });
    expect(manageCode.parse('abcdefgh')).toBe('ABCDEFGH');
    expect(manageCode.parse('ABCDEFG1')).toBe('');
  });

  it('answers name the field and the message key, one issue per field, in the order of the form', () => {
    expect(issues(contactAnswers.safeParse({ name: '', phone: '', email: '' }))).toEqual(['name booking:details.nameMissing', 'phone booking:details.contactMissing']);
    expect(issues(contactAnswers.safeParse({ name: 'x'.repeat(121), phone: '12', email: 'no' }))).toEqual(['name booking:details.nameTooLong', 'phone booking:details.phoneInvalid', 'email booking:details.emailInvalid']);
    expect(contactAnswers.safeParse({ name: 'Anna', phone: '', email: 'anna@example.org' }).success).toBe(true);
    expect(issues(waitlistAnswers.safeParse({ name: 'F', email: '', phone: '' }))).toEqual(['email booking:waitlist.emailMissing']);
    expect(issues(timeAnswers.safeParse({ start: 'soon' }))).toEqual(['start booking:times.missing']);
    expect(issues(topicAnswers(['a']).safeParse({ type: 'b' }))).toEqual(['type booking:topic.missing']);
    expect(languageAnswers(['de', 'ar']).safeParse({ language: 'ar' }).success).toBe(true);
    expect(issues(addressAnswers.safeParse({ street: ' ', number: '' }))).toEqual(['street booking:offices.byAddress.streetMissing', 'number booking:offices.byAddress.numberMissing']);
    expect(issues(addressAnswers.safeParse({ street: 'Prager Straße', number: 'zehn' }))).toEqual(['number booking:offices.byAddress.numberInvalid']);
  });

  it('every message key of the answers exists in each public language', () => {
    const results = [
      contactAnswers.safeParse({ name: '', phone: '', email: '' }),
      contactAnswers.safeParse({ name: 'x'.repeat(121), phone: '1', email: 'no' }),
      waitlistAnswers.safeParse({ name: '', email: '', phone: '' }),
      timeAnswers.safeParse({}),
      topicAnswers([]).safeParse({}),
      languageAnswers([]).safeParse({}),
      addressAnswers.safeParse({ street: '', number: '' }),
      addressAnswers.safeParse({ street: 'x', number: 'x' }),
    ];
    const keys = new Set(results.flatMap((r) => r.error?.issues.map((i) => i.message) ?? []));
    expect(keys.size).toBe(12);
    for (const lang of ['de', 'en', 'ar', 'fa', 'uk', 'ru']) for (const key of keys) expect(typeof lookup(lang, key), `${lang} ${key}`).toBe('string');
  });
});
