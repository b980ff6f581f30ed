import { readFileSync } from 'node:fs';
import type { ConsentFormLanguage } from '#contracts/consents.ts';
import { CONSENT_FORM_LANGUAGES } from '#contracts/consents.ts';
import type { Deps } from '#server/deps.ts';
import { FAMILY_OF_SCRIPT, renderPdf } from '#server/documents/typst.ts';
import { translate } from '#server/i18n.ts';
import { recordAudit } from '#server/modules/audit/audit.public.ts';
import type { Actor } from '#server/modules/identity/identity.public.ts';
import { labelsOfOrganisations } from '#server/modules/identity/identity.public.ts';
import { authorizeStaff } from '#server/platform/authorize.ts';
import { notFound } from '#server/platform/problem.ts';
import { berlinDate } from '#server/time.ts';
import { caseScope } from './cases.policy.ts';
import * as q from './cases.queries.ts';
import * as k from './consents.queries.ts';
import { scriptOf } from './names.ts';
import { householdInReach } from './reach.ts';

// i18n-namespace: consent-form
// i18n-keys: consent-form:sections.*, consent-form:signatures.*, consent-form:labels.*
const template = readFileSync(new URL('./consent-form.typ', import.meta.url), 'utf8');
const RTL: readonly string[] = ['ar', 'fa'];
/** Languages a person may have recorded that read the form of another: Dari → Persian. */
const READS_AS: Record<string, ConsentFormLanguage> = { prs: 'fa' };

export interface ConsentForm {
  pdf: Buffer;
  filename: string;
}

/** The form's language beside German: the first of the person's languages the form has; German alone for a German speaker; else English. */
export function formLanguageOf(languages: readonly string[]): ConsentFormLanguage {
  for (const code of languages) {
    const lang = READS_AS[code] ?? code;
    if (lang !== 'de' && (CONSENT_FORM_LANGUAGES as readonly string[]).includes(lang)) return lang as ConsentFormLanguage;
  }
  return languages.length === 0 || languages.includes('de') ? 'de' : 'en';
}

function birthOf(p: q.PersonRow, lang: string): string {
  if (!p.birthYear) return translate(lang, 'consent-form:unknown');
  const at = new Date(Date.UTC(p.birthYear, (p.birthMonth ?? 1) - 1, p.birthDay ?? 1));
  const parts: Intl.DateTimeFormatOptions = p.birthMonth ? (p.birthDay ? { dateStyle: 'long' } : { year: 'numeric', month: 'long' }) : { year: 'numeric' };
  return new Intl.DateTimeFormat(`${lang}-u-ca-gregory`, { ...parts, timeZone: 'UTC' }).format(at);
}

/** Dates in the Gregorian calendar in every language (Intl would write Persian dates in the Solar Hijri one). */
const dateIn = (iso: string, lang: string) => new Intl.DateTimeFormat(`${lang}-u-ca-gregory`, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
/** A name inside right-to-left text, isolated (U+2068 … U+2069) so that "Nord e. V." keeps its period at its end. */
const isolated = (name: string, lang: string) => (RTL.includes(lang) && name ? `\u2068${name}\u2069` : name);

/**
 * GET /api/consents/:id/form.pdf: the consent as a form to sign, German beside `language` (default the
 * person's recorded language): the person (name in Latin and original script, born), the
 * provider, the recipient and purpose, what is passed on, how long it holds, the right to withdraw
 * at any time, lines to sign. A read of personal data: 404 out of reach, audited.
 */
export async function printConsentForm(deps: Deps, actor: Actor, id: string, requested: ConsentFormLanguage | undefined): Promise<ConsentForm> {
  const staff = authorizeStaff(actor, 'consent.read');
  const now = deps.now();
  return deps.db.transaction(caseScope(staff), async (tx) => {
    const row = await k.findConsent(tx, id);
    if (!row) throw notFound();
    const household = await householdInReach(tx, staff, 'consent.read', row.householdId);
    const person = await q.findPerson(tx, row.personId);
    if (!person) throw notFound();
    const [provider] = await labelsOfOrganisations(tx, [staff.organisationId]);
    const lang = requested ?? formLanguageOf(person.languages);
    const langs = lang === 'de' ? (['de'] as const) : (['de', lang] as const);
    const latin = `${person.givenNames} ${person.familyName}`.trim();
    const original = `${person.givenNamesOriginal} ${person.familyNameOriginal}`.trim();
    const values = (l: string) => ({
      name: isolated(original && RTL.includes(l) && scriptOf(original) === 'arabic' ? original : latin, l),
      provider: isolated(provider?.name ?? '', l),
      recipient: isolated(row.recipient, l),
      witness: isolated(row.witnessName, l),
      from: dateIn(row.givenOn, l),
      until: row.validUntil ? dateIn(row.validUntil, l) : '',
      ref: row.id.slice(0, 8),
      date: dateIn(berlinDate(now), l),
    });
    const texts = (l: string) => {
      const v = values(l);
      // A name ending in a period ("Nord e. V.") at the end of a sentence: one period, not two.
      const t = (key: string) => translate(l, `consent-form:${key}`, v).replace(/\.\./g, '.');
      return {
        title: t('title'),
        note: t('note'),
        sections: {
          intro: { heading: '', body: t('intro') },
          purpose: { heading: t('sections.purpose.heading'), body: t(`sections.purpose.${row.purpose}`) },
          data: { heading: t('sections.data.heading'), body: t(`sections.data.${row.purpose}`) },
          validity: { heading: t('sections.validity.heading'), body: t(row.validUntil ? 'sections.validity.until' : 'sections.validity.open') },
          withdrawal: { heading: t('sections.withdrawal.heading'), body: t('sections.withdrawal.body') },
          voluntary: { heading: '', body: t('sections.voluntary') },
        },
        signatures: { placeDate: t('signatures.placeDate'), person: t('signatures.person'), witness: t('signatures.witness'), staff: t('signatures.staff') },
        labels: { name: t('labels.name'), original: t('labels.original'), birth: t('labels.birth'), provider: t('labels.provider'), recipient: t('labels.recipient'), purpose: t('labels.purpose') },
      };
    };
    const columns = langs.map((l) => ({ lang: l, dir: RTL.includes(l) ? 'rtl' : 'ltr', t: texts(l) }));
    const label = (key: keyof ReturnType<typeof texts>['labels']) => columns.map((c) => c.t.labels[key]);
    const details = [
      { labels: label('name'), value: latin },
      ...(original ? [{ labels: label('original'), value: original }] : []),
      { labels: label('birth'), value: birthOf(person, 'de') },
      { labels: label('provider'), value: provider?.name ?? '' },
      { labels: label('recipient'), value: row.recipient },
      { labels: label('purpose'), value: translate('de', `consents:purpose.${row.purpose}`) },
    ];
    const scripts = new Set(['latin', RTL.includes(lang) ? 'arabic' : 'latin', ...[latin, original, row.recipient, row.witnessName, provider?.name ?? ''].filter(Boolean).map(scriptOf)]);
    const families = [...new Set([...scripts].flatMap((s) => (s in FAMILY_OF_SCRIPT ? [FAMILY_OF_SCRIPT[s as keyof typeof FAMILY_OF_SCRIPT]] : [])))];
    const pdf = renderPdf({
      source: template,
      families,
      data: {
        title: columns[0]?.t.title ?? '',
        fonts: families,
        columns,
        details,
        sections: ['intro', 'purpose', 'data', 'validity', 'withdrawal', 'voluntary'],
        signatures: row.method === 'verbal_witnessed' ? ['placeDate', 'person', 'witness', 'staff'] : ['placeDate', 'person', 'staff'],
        footer: translate('de', 'consent-form:footer', values('de')),
      },
    });
    await recordAudit(tx, staff, { action: 'consent.print', recordType: 'consent', recordIds: [row.id, household.id, row.personId] }, now);
    return { pdf, filename: `einwilligung-${row.id.slice(0, 8)}-${lang}.pdf` };
  });
}
