/**
 * `npm run check:locales` — checks the translations in locales/<lang>/<namespace>.json against
 * German, the source language, and against the code. Exits 1 and lists every problem.
 *
 * Rules
 * (a) Missing: every German key must exist in each language its namespace requires:
 *       `public`, `errors`, `appointments-mail`, `consent-form` and `subject-access` (resident-facing)  de, en, ar, fa, uk, ru
 *       `easy-language` (Leichte Sprache is German by nature)  de
 *       every other namespace (staff, mail, …)  de, en
 * (b) Extra: no language may have a key that German does not have.
 * (c) Unused: every German key must be used somewhere in server/, web/ or contracts/ (test files
 *     do not count). A key counts as used when the code holds:
 *       - a string literal naming it fully: 'ns:key' — t('public:start.title'),
 *         translate(locale, 'errors:types.csrf'), i18nKey="staff:nav.home", or a table of such keys;
 *       - t('key') or i18nKey="key" in a file that names its namespace(s) with useTranslation('ns'),
 *         useTranslation(['ns', …]), getFixedT(lng, 'ns') or a comment `// i18n-namespace: ns`;
 *       - useTranslation() without a namespace means the client's default namespace, the
 *         `defaultNS` of the file that sets up react-i18next (initReactI18next);
 *       - a template literal `ns:part.${…}.part` (or t(`part.${…}`) in a file with a namespace):
 *         every key matching it counts, each ${…} standing for one or more key segments. It must
 *         hold a static key segment besides the namespace: `errors:${key}` alone proves nothing;
 *       - a marker comment for keys built at run time, `// i18n-keys: ns:prefix.*` (all keys
 *         under the prefix) or `// i18n-keys: ns:exact.key`; several may be listed, comma-separated;
 *       - for `errors` only: the key as a plain string literal ('field.required'), because problem
 *         keys travel as values (`{ field, key: 'field.required' }`, `detailKey: 'details.inUse'`).
 * (d) ICU: every message in every language must parse as an ICU message (intl-messageformat).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { IntlMessageFormat } from 'intl-messageformat';

export const PUBLIC_LANGUAGES = ['de', 'en', 'ar', 'fa', 'uk', 'ru'] as const;
const REQUIRED: Record<string, readonly string[]> = {
  public: PUBLIC_LANGUAGES,
  errors: PUBLIC_LANGUAGES,
  'appointments-mail': PUBLIC_LANGUAGES,
  'easy-language': ['de'],
  'consent-form': PUBLIC_LANGUAGES,
  'subject-access': PUBLIC_LANGUAGES,
};
const DEFAULT_REQUIRED = ['de', 'en'] as const;

export function requiredLanguages(namespace: string): readonly string[] {
  return REQUIRED[namespace] ?? DEFAULT_REQUIRED;
}

/** locales[lang][namespace] = parsed JSON */
export type Locales = Record<string, Record<string, unknown>>;
export interface SourceFile {
  path: string;
  text: string;
}

/** Nested JSON → dotted keys. Non-string leaves are kept as they are, to be reported. */
export function flatten(value: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) {
      for (const [kk, vv] of flatten(v, prefix ? `${prefix}.${k}` : k)) out.set(kk, vv);
    }
  } else {
    out.set(prefix, value);
  }
  return out;
}

/** What the code uses: exact keys, and patterns for keys built at run time, both as `ns:key`. */
export interface Usage {
  keys: Set<string>;
  patterns: RegExp[];
  /** Plain string literals, for the `errors` rule. */
  literals: Set<string>;
}

const STRING = /(['"])((?:(?!\1)[^\\\n]|\\.)*)\1/g;
const TEMPLATE = /`([^`]*\$\{[^`]*)`/g;
const NAMESPACE_DECLARATIONS = [
  /useTranslation\(\s*(\[[^\]]*\]|'[^']*'|"[^"]*")/g,
  /getFixedT\([^,()]*,\s*('[^']*'|"[^"]*"|\[[^\]]*\])/g,
  /i18n-namespace:\s*([\w-]+)/g,
];
const BARE_CALL = /(?:\bt|\.t)\(\s*(['"])([^'"\n]+)\1/g;
const BARE_TEMPLATE_CALL = /(?:\bt|\.t)\(\s*`([^`]*\$\{[^`]*)`/g;
const I18N_KEY = /i18nKey=\{?\s*(['"])([^'"\n]+)\1/g;
const MARKER = /i18n-keys:\s*([^\n]+)/g;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `ns:a.${x}.b` → /^ns:a\.[\w.-]+\.b$/, or null when it names no static key segment. */
export function templatePattern(template: string): RegExp | null {
  const parts = template.split(/\$\{[^}]*\}/);
  const statics = parts.join('');
  const colon = statics.indexOf(':');
  if (colon < 1 || !/^[\w-]+$/.test(statics.slice(0, colon))) return null;
  if (!/^[\w.:-]*$/.test(statics) || !/[\w-]/.test(statics.slice(colon + 1).replace(/\./g, ''))) return null;
  return new RegExp(`^${parts.map(escape).join('[\\w.-]+')}$`);
}

function namespacesOf(text: string, defaults: string[]): string[] {
  const found = new Set<string>();
  if (/useTranslation\(\s*\)/.test(text)) for (const ns of defaults) found.add(ns);
  for (const re of NAMESPACE_DECLARATIONS) {
    for (const m of text.matchAll(re)) {
      for (const s of (m[1] ?? '').matchAll(/[\w-]+/g)) found.add(s[0]);
    }
  }
  return [...found];
}

export function findUsage(files: SourceFile[]): Usage {
  const usage: Usage = { keys: new Set(), patterns: [], literals: new Set() };
  const defaults = files.filter((f) => f.text.includes('initReactI18next')).flatMap((f) => [...f.text.matchAll(/defaultNS:\s*['"]([\w-]+)['"]/g)].map((m) => m[1] ?? ''));
  for (const { text } of files) {
    const namespaces = namespacesOf(text, defaults);
    for (const m of text.matchAll(STRING)) {
      const s = m[2] ?? '';
      if (/^[\w-]+:[\w.-]+$/.test(s)) usage.keys.add(s);
      else if (/^[\w-]+(\.[\w-]+)+$/.test(s)) usage.literals.add(s);
    }
    for (const m of text.matchAll(TEMPLATE)) {
      const pattern = templatePattern(m[1] ?? '');
      if (pattern) usage.patterns.push(pattern);
    }
    for (const re of [BARE_CALL, I18N_KEY]) {
      for (const m of text.matchAll(re)) {
        const key = m[2] ?? '';
        if (!key.includes(':')) for (const ns of namespaces) usage.keys.add(`${ns}:${key}`);
      }
    }
    for (const m of text.matchAll(BARE_TEMPLATE_CALL)) {
      const template = m[1] ?? '';
      if (template.includes(':')) continue;
      for (const ns of namespaces) {
        const pattern = templatePattern(`${ns}:${template}`);
        if (pattern) usage.patterns.push(pattern);
      }
    }
    for (const m of text.matchAll(MARKER)) {
      for (const item of (m[1] ?? '').split(/[\s,]+/).filter((s) => /^[\w-]+:[\w.*-]+$/.test(s))) {
        if (item.endsWith('*')) usage.patterns.push(new RegExp(`^${escape(item.slice(0, -1))}`));
        else usage.keys.add(item);
      }
    }
  }
  return usage;
}

export function isUsed(namespace: string, key: string, usage: Usage): boolean {
  const full = `${namespace}:${key}`;
  if (usage.keys.has(full)) return true;
  if (usage.patterns.some((p) => p.test(full))) return true;
  return namespace === 'errors' && usage.literals.has(key);
}

export function icuProblem(message: string, lang: string): string | null {
  try {
    new IntlMessageFormat(message, lang);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** Every problem, one line each; empty when the locales are in order. */
export function checkLocales(locales: Locales, files: SourceFile[]): string[] {
  const problems: string[] = [];
  const german = locales['de'] ?? {};
  const usage = findUsage(files);
  const namespaces = new Set([...Object.keys(german), ...Object.values(locales).flatMap((l) => Object.keys(l))]);
  for (const ns of [...namespaces].sort()) {
    const source = flatten(german[ns] ?? {});
    for (const lang of Object.keys(locales).sort()) {
      const bundle = locales[lang]?.[ns];
      const required = requiredLanguages(ns).includes(lang);
      if (bundle === undefined) {
        if (required && source.size > 0) problems.push(`missing: locales/${lang}/${ns}.json (${source.size} keys)`);
        continue;
      }
      const messages = flatten(bundle);
      if (required) {
        for (const key of source.keys()) if (!messages.has(key)) problems.push(`missing: ${lang} ${ns}:${key}`);
      }
      for (const [key, message] of messages) {
        if (!source.has(key)) problems.push(`extra: ${lang} ${ns}:${key} (German does not have it)`);
        if (typeof message !== 'string') {
          problems.push(`not a message: ${lang} ${ns}:${key}`);
          continue;
        }
        const icu = icuProblem(message, lang);
        if (icu) problems.push(`icu: ${lang} ${ns}:${key}: ${icu}`);
      }
    }
    for (const key of source.keys()) if (!isUsed(ns, key, usage)) problems.push(`unused: de ${ns}:${key}`);
  }
  for (const lang of PUBLIC_LANGUAGES) {
    if (!(lang in locales)) problems.push(`missing: locales/${lang}/`);
  }
  return problems;
}

function readLocales(dir: string): Locales {
  const locales: Locales = {};
  for (const lang of readdirSync(dir)) {
    if (!statSync(join(dir, lang)).isDirectory()) continue;
    locales[lang] = {};
    for (const file of readdirSync(join(dir, lang))) {
      if (!file.endsWith('.json')) continue;
      locales[lang][file.slice(0, -5)] = JSON.parse(readFileSync(join(dir, lang, file), 'utf8')) as unknown;
    }
  }
  return locales;
}

function readSources(root: string, dirs: string[]): SourceFile[] {
  const files: SourceFile[] = [];
  const walk = (dir: string) => {
    let entries: string[];
    try {
      entries = readdirSync(dir);
    } catch {
      return;
    }
    for (const name of entries) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name)) files.push({ path: relative(root, path), text: readFileSync(path, 'utf8') });
    }
  };
  for (const d of dirs) walk(join(root, d));
  return files;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const problems = checkLocales(readLocales(join(root, 'locales')), readSources(root, ['server', 'web', 'contracts']));
  if (problems.length > 0) {
    process.stderr.write(`${problems.length} locale problem(s):\n${problems.map((p) => `  ${p}`).join('\n')}\n`);
    process.exit(1);
  }
  process.stdout.write('Locales are complete, used and valid ICU.\n');
}
