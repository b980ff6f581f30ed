import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Consent } from '#contracts/consents.ts';
import { queryRows } from '#server/db.ts';
import { createTestContext, type Session, type TestContext } from '#test/context.ts';
import { pdfText } from '#test/pdf.ts';
import { personBody, providerWithFamily } from './cases.fixture.ts';

interface Household { id: string; members: { id: string }[] }

let ctx: TestContext;
let nord = '';
let worker: Session;
let family: Household;
let verbal: Consent;
let paper: Consent;

const form = (session: Session, id: string, query = '') => ctx.request(session, { method: 'GET', url: `/api/consents/${id}/form.pdf${query}`, headers: { 'accept-language': 'de' } });
/** Whitespace folded: a reader breaks lines where the layout does. */
const textOf = async (body: Buffer) => (await pdfText(body)).replace(/\s+/g, ' ');

beforeAll(async () => {
  ctx = await createTestContext();
  ctx.clock.now = new Date('2026-12-01T10:00:00Z');
  ({ nord, worker, family } = await providerWithFamily<Household>(ctx));
  const record = async (body: Record<string, unknown>) => {
    const res = await ctx.request(worker, { method: 'POST', url: `/api/households/${family.id}/consents`, payload: body });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<Consent>();
  };
  verbal = await record({ personId: family.members[0]?.id, purpose: 'referral', recipient: 'Jobcenter Dresden', givenOn: '2026-11-20', method: 'verbal_witnessed', witnessName: 'Samira Haddad' });
  paper = await record({ personId: family.members[2]?.id, purpose: 'exchange', recipient: 'Kita Sonnenschein', givenOn: '2026-11-30', method: 'signed_paper', validUntil: '2027-11-29' });
});
afterAll(async () => ctx.close());

describe('the printed consent form', () => {
  it('is a PDF in German beside the person\'s language (Arabic for Mohammed): name in both scripts, provider, recipient, purpose, data, validity, withdrawal, signature lines; audited as a read', async () => {
    const res = await form(worker, verbal.id);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(`inline; filename="einwilligung-${verbal.id.slice(0, 8)}-ar.pdf"`);
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await textOf(res.rawPayload);
    for (const german of ['Entbindung von der Schweigepflicht', 'Mohammed Al-Hassan', 'Nord e. V.', 'Jobcenter Dresden', 'Welche Daten weitergegeben werden', 'Ab dem 20. November 2026, bis ich sie widerrufe.', 'jederzeit ganz oder teilweise widerrufen', 'Unterschrift der Person', 'Zeugin oder Zeuge der mündlichen Einwilligung: Samira Haddad', '2. März 1984']) {
      expect(text).toContain(german);
    }
    for (const arabic of ['من واجب السرية', 'سحب الموافقة', 'توقيع الشخص', 'محمد الحسن']) {
      expect(text).toContain(arabic);
    }
    const [audit] = await queryRows<{ action: string; record_ids: string[] }>(ctx.database.db.owner, sql`select action, record_ids from audit_entry where organisation_id = ${nord} order by seq desc limit 1`);
    expect(audit).toEqual({ action: 'consent.print', record_ids: [verbal.id, family.id, verbal.personId] });
  });

  it('prints the language asked for (Persian, Ukrainian, Russian, English beside German), and German alone when asked; a paper consent with its end and no witness line', async () => {
    const expected = { fa: 'پس گرفتن رضایت', uk: 'Відкликання', ru: 'Отзыв', en: 'Withdrawal' } as const;
    for (const [lang, phrase] of Object.entries(expected)) {
      const res = await form(worker, paper.id, `?language=${lang}`);
      expect(res.statusCode, res.body).toBe(200);
      const text = await textOf(res.rawPayload);
      expect(text).toContain(phrase);
      expect(text).toContain('Widerruf');
      expect(text).toContain('Vom 30. November 2026 bis zum 29. November 2027.');
      expect(text).not.toContain('Zeugin oder Zeuge');
    }
    const german = await textOf((await form(worker, paper.id, '?language=de')).rawPayload);
    expect(german).toContain('Kita Sonnenschein');
    expect(german).not.toContain('Withdrawal');
    expect(german).not.toContain('Die Übersetzung dient dem Verständnis');
  });

  it('takes the person\'s form language by default: Yusuf has no language recorded (German alone)', async () => {
    const res = await form(worker, paper.id);
    expect(res.headers['content-disposition']).toContain('-de.pdf');
  });

  it('answers a name in a script without a font here with a translated 503, not a broken PDF', async () => {
    const res = await ctx.request(worker, { method: 'POST', url: `/api/households/${family.id}/members`, payload: personBody({ relationship: 'other', familyName: 'Tesfaye', givenNames: 'Selam', givenNamesOriginal: 'ሰላም', languages: ['ti'] }) });
    expect(res.statusCode, res.body).toBe(201);
    const selam = res.json<{ members: { id: string; familyName: string }[] }>().members.find((m) => m.familyName === 'Tesfaye')?.id;
    const consent = await ctx.request(worker, { method: 'POST', url: `/api/households/${family.id}/consents`, payload: { personId: selam, purpose: 'referral', recipient: 'VHS', givenOn: '2026-11-30', method: 'signed_paper' } });
    expect(consent.statusCode, consent.body).toBe(201);
    const printed = await form(worker, consent.json<Consent>().id, '?language=en');
    expect(printed.statusCode).toBe(503);
    expect(printed.json()).toMatchObject({ type: '/problems/font-missing', title: 'Dieses Dokument kann gerade nicht erstellt werden.', detail: 'Die Schriftart „Noto Sans Ethiopic“ ist auf dem Server nicht installiert; ohne sie kann dieses Dokument nicht gedruckt werden. Bitte wenden Sie sich an die Administration.' });
  });

  it('answers 404 to another provider, as for an unknown consent, and 400 for a language the form does not have', async () => {
    const sued = await ctx.staff('social_worker', (await ctx.organisation('provider', 'Süd gGmbH')).id);
    expect((await form(sued, verbal.id)).statusCode).toBe(404);
    expect((await form(worker, '00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await form(worker, verbal.id, '?language=tr')).statusCode).toBe(400);
  });
});

