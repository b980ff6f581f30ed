import { readFileSync } from 'node:fs';
import type { SubjectAccessLanguage } from '#contracts/subject-access.ts';
import { SUBJECT_ACCESS_LANGUAGES } from '#contracts/subject-access.ts';
import type { Deps } from '#server/deps.ts';
import { FAMILY_OF_SCRIPT, renderPdf } from '#server/documents/typst.ts';
import { translate } from '#server/i18n.ts';
import type { Actor } from '#server/modules/identity/identity.public.ts';
import { berlinDate } from '#server/time.ts';
import { formLanguageOf } from './consent-form.service.ts';
import { scriptOf } from './names.ts';
import { exportSubjectAccess } from './subject-access.service.ts';

// i18n-namespace: subject-access
// i18n-keys: subject-access:sections.*, subject-access:fields.*, subject-access:title, subject-access:intro, subject-access:note, subject-access:footer, subject-access:none, subject-access:yes, subject-access:no
const template = readFileSync(new URL('./subject-access.typ', import.meta.url), 'utf8');
const RTL: readonly string[] = ['ar', 'fa'];
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

export interface SubjectAccessPdf {
  pdf: Buffer;
  filename: string;
}

const berlinTime = (iso: string) => new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Berlin' }).format(new Date(iso));

/**
 * GET /api/people/:id/subject-access.pdf: the JSON export (same use case, same audit entry) printed
 * through Typst, headings and labels in German beside `language` (default the person's recorded
 * language, as for the consent form), values as recorded. Empty fields are left out of the print;
 * the JSON has them all.
 */
export async function printSubjectAccess(deps: Deps, actor: Actor, personId: string, requested: SubjectAccessLanguage | undefined): Promise<SubjectAccessPdf> {
  const data = await exportSubjectAccess(deps, actor, personId, 'de');
  const person = data.sections.find((s) => s.name === 'person')?.entries[0] ?? {};
  const recorded = Array.isArray(person.languages) ? person.languages : [];
  const fallback = formLanguageOf(recorded);
  const lang: SubjectAccessLanguage = requested ?? ((SUBJECT_ACCESS_LANGUAGES as readonly string[]).includes(fallback) ? (fallback as SubjectAccessLanguage) : 'en');
  const langs = lang === 'de' ? ['de'] : ['de', lang];
  const t = (l: string, key: string, values?: Record<string, unknown>) => translate(l, `subject-access:${key}`, values);
  const name = `${String(person.givenNames ?? '')} ${String(person.familyName ?? '')}`.trim();
  const day = new Date(`${berlinDate(new Date(data.generatedAt))}T00:00:00Z`);
  const values = (l: string) => ({ provider: data.provider.name, name, date: new Intl.DateTimeFormat(l, { dateStyle: 'long', timeZone: 'UTC' }).format(day) });
  const columns = langs.map((l) => ({ lang: l, dir: RTL.includes(l) ? 'rtl' : 'ltr', title: t(l, 'title'), intro: t(l, 'intro', values(l)), note: t(l, 'note') }));
  const show = (value: unknown): string => {
    if (typeof value === 'boolean') return langs.map((l) => t(l, value ? 'yes' : 'no')).join(' / ');
    if (Array.isArray(value)) return value.join(', ');
    if (typeof value === 'string' && DATE_TIME.test(value)) return berlinTime(value);
    return String(value);
  };
  const shown: string[] = [name, data.provider.name];
  const sections = data.sections.map((s) => ({
    heading: langs.map((l) => t(l, `sections.${s.name}`)),
    entries: s.entries.map((entry) =>
      Object.entries(entry)
        .filter(([, v]) => v !== null && v !== '' && !(Array.isArray(v) && v.length === 0))
        .map(([field, v]) => {
          const value = show(v);
          shown.push(value);
          return { labels: langs.map((l) => t(l, `fields.${field}`)), value };
        }),
    ),
  }));
  const scripts = new Set(['latin', RTL.includes(lang) ? 'arabic' : lang === 'uk' || lang === 'ru' ? 'cyrillic' : 'latin', ...shown.filter(Boolean).map(scriptOf)]);
  const families = [...new Set([...scripts].flatMap((s) => (s in FAMILY_OF_SCRIPT ? [FAMILY_OF_SCRIPT[s as keyof typeof FAMILY_OF_SCRIPT]] : [])))];
  const pdf = renderPdf({
    source: template,
    families,
    data: { title: columns[0]?.title ?? '', fonts: families, columns, sections, none: langs.map((l) => t(l, 'none')), footer: t('de', 'footer', values('de')) },
  });
  return { pdf, filename: `auskunft-${data.personId.slice(0, 8)}-${lang}.pdf` };
}
