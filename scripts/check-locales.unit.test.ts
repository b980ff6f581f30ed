import { describe, expect, it } from 'vitest';
import { checkLocales, findUsage, flatten, isUsed, requiredLanguages, templatePattern, type Locales } from './check-locales.ts';

const six = (value: Record<string, unknown>): Locales => Object.fromEntries(['de', 'en', 'ar', 'fa', 'uk', 'ru'].map((l) => [l, { public: value }]));
const uses = (text: string, path = 'web/public/x.tsx') => [{ path, text }];

describe('check-locales', () => {
  it('flattens nested messages to dotted keys', () => {
    expect([...flatten({ a: { b: 'x', c: { d: 'y' } }, e: 'z' }).keys()]).toEqual(['a.b', 'a.c.d', 'e']);
  });

  it('requires all six languages for public and errors, German only for Leichte Sprache, de+en otherwise', () => {
    expect(requiredLanguages('public')).toEqual(['de', 'en', 'ar', 'fa', 'uk', 'ru']);
    expect(requiredLanguages('errors')).toHaveLength(6);
    expect(requiredLanguages('easy-language')).toEqual(['de']);
    expect(requiredLanguages('staff')).toEqual(['de', 'en']);
  });

  it('passes complete, used, valid locales', () => {
    const code = uses("const { t } = useTranslation('public'); t('start.title');");
    expect(checkLocales(six({ start: { title: 'Hallo' } }), code)).toEqual([]);
  });

  it('reports a key missing in a required language and a key German lacks', () => {
    const locales = six({ a: 'A', b: 'B' });
    locales['ar'] = { public: { a: 'أ' } };
    locales['ru'] = { public: { a: 'А', b: 'Б', c: 'В' } };
    const problems = checkLocales(locales, uses("useTranslation('public'); t('a'); t('b'); t('c')"));
    expect(problems).toContain('missing: ar public:b');
    expect(problems).toContain('extra: ru public:c (German does not have it)');
    expect(problems).toHaveLength(2);
  });

  it('reports a staff namespace missing in English but not in Arabic', () => {
    const locales: Locales = { de: { staff: { x: 'X' } }, en: { staff: {} }, ar: {}, fa: {}, uk: {}, ru: {} };
    expect(checkLocales(locales, uses("'staff:x'"))).toEqual(['missing: en staff:x']);
  });

  it('reports a missing file of a required language', () => {
    const locales = six({ a: 'A' });
    delete locales['fa']?.['public'];
    expect(checkLocales(locales, uses("'public:a'"))).toEqual(['missing: locales/fa/public.json (1 keys)']);
  });

  it('reports German keys the code does not use', () => {
    expect(checkLocales(six({ used: 'U', unused: 'N' }), uses("t('public:used')"))).toEqual(['unused: de public:unused']);
  });

  it('reports an ICU message that does not parse, in any language', () => {
    const locales = six({ n: '{count, plural, one {# Tag} other {# Tage}}' });
    locales['uk'] = { public: { n: '{count, plural, one {# день}' } };
    const problems = checkLocales(locales, uses("'public:n'"));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^icu: uk public:n: /);
  });

  it('recognises the forms of use the code writes', () => {
    const usage = findUsage([
      { path: 'a.tsx', text: "const { t } = useTranslation('public');\nt('start.title'); <Trans i18nKey=\"start.intro\" />" },
      { path: 'b.ts', text: "const t = i18n().getFixedT(lang, 'mail'); t('invite.subject'); translate(l, 'errors:types.csrf');" },
      { path: 'c.ts', text: 'translate(l, `errors:types.${type}`); translate(l, `mail:${purpose}.body`); translate(l, `errors:${key}`);' },
      { path: 'd.ts', text: "// i18n-keys: staff:nav.*, staff:roles.admin\nthrow new Problem(400, 'validation', { errors: [{ field: 'x', key: 'field.required' }] });" },
      { path: 'i18n.ts', text: "use(initReactI18next).init({ defaultNS: 'staff' })" },
      { path: 'e.tsx', text: "const { t } = useTranslation(); t('home.title'); t(`audit.actions.${a}`);" },
    ]);
    expect(isUsed('public', 'start.title', usage)).toBe(true);
    expect(isUsed('public', 'start.intro', usage)).toBe(true);
    expect(isUsed('public', 'start.other', usage)).toBe(false);
    expect(isUsed('mail', 'invite.subject', usage)).toBe(true);
    expect(isUsed('errors', 'types.csrf', usage)).toBe(true);
    expect(isUsed('errors', 'types.anything', usage)).toBe(true);
    expect(isUsed('mail', 'reset.body', usage)).toBe(true);
    expect(isUsed('mail', 'reset.subject', usage)).toBe(false);
    expect(isUsed('errors', 'details.inUse', usage)).toBe(false);
    expect(isUsed('errors', 'field.required', usage)).toBe(true);
    expect(isUsed('staff', 'nav.home', usage)).toBe(true);
    expect(isUsed('staff', 'roles.admin', usage)).toBe(true);
    expect(isUsed('staff', 'roles.other', usage)).toBe(false);
    expect(isUsed('staff', 'home.title', usage)).toBe(true);
    expect(isUsed('staff', 'audit.actions.case.open', usage)).toBe(true);
    // a bare literal counts for errors only
    expect(isUsed('public', 'field.required', usage)).toBe(false);
  });

  it('turns templates into patterns only when they name a static key segment', () => {
    expect(templatePattern('errors:types.${t}')?.test('errors:types.not-found')).toBe(true);
    expect(templatePattern('errors:${k}')).toBeNull();
    expect(templatePattern('plain text ${x}')).toBeNull();
    expect(templatePattern('mail:${p}.subject')?.test('mail:invitation.body')).toBe(false);
  });
});
