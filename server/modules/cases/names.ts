/**
 * Search keys for people's names across scripts (pure; pinned by names.unit.test.ts).
 *
 * A name is written many ways: محمد, Mohammed, Muhammad, Mohamad; Олександр, Oleksandr,
 * Aleksandr; Schröder, Schroeder, Schroder. Three keys let them meet:
 * - `latin`: a readable Latin transliteration, folded (umlauts, doubled letters, ae/oe/ue), tokens
 *   sorted so the order of given and family names does not matter — for trigram similarity;
 * - `skeleton`: the consonant skeleton of every token, the same symbols for every script, because
 *   Arabic and Persian do not write short vowels and every transliteration guesses them;
 * - `phonetic`: double metaphone of the Latin tokens, made by the database (lotse_name_phonetic).
 *
 * Skeleton symbols: b c(ch/tsch/ч/چ) d f g h k l m n p r s t v x(sh/sch/ш/ش) z. Vowels, y, j
 * (a vowel or a glide in one language, a consonant in another) and glottal letters (ع ء) are dropped;
 * repeated symbols collapse to one.
 */

export type Script = 'latin' | 'arabic' | 'cyrillic' | 'ethiopic' | 'other';

const ARABIC = /[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]/u;
const PERSIAN_ONLY = /[\u067e\u0686\u0698\u06af\u06a9\u06cc]/u; // پ چ ژ گ ک ی
const CYRILLIC = /[\u0400-\u04ff]/u;
const UKRAINIAN_ONLY = /[ієїґІЄЇҐ]/u;
const ETHIOPIC = /[\u1200-\u137f]/u;
const LATIN = /[a-z\u00c0-\u024f]/iu;

/** The script a name is written in (the first non-Latin script found wins). */
export function scriptOf(text: string): Script {
  if (ARABIC.test(text)) return 'arabic';
  if (CYRILLIC.test(text)) return 'cyrillic';
  if (ETHIOPIC.test(text)) return 'ethiopic';
  if (LATIN.test(text)) return 'latin';
  return 'other';
}

// ---------------------------------------------------------------- Arabic and Persian
/** Letter → [readable Latin, skeleton symbol] (Arabic reading; Persian overrides below). */
const ARABIC_LETTERS: Record<string, [string, string]> = {
  'ا': ['a', ''], 'أ': ['a', ''], 'إ': ['i', ''], 'آ': ['a', ''], 'ٱ': ['a', ''], 'ء': ['', ''], 'ئ': ['', ''], 'ؤ': ['', ''], 'ى': ['a', ''],
  'ب': ['b', 'b'], 'پ': ['p', 'p'], 'ت': ['t', 't'], 'ث': ['th', 't'], 'ج': ['j', ''], 'چ': ['ch', 'c'], 'ح': ['h', 'h'], 'خ': ['kh', 'h'],
  'د': ['d', 'd'], 'ذ': ['dh', 'd'], 'ر': ['r', 'r'], 'ز': ['z', 'z'], 'ژ': ['zh', 'z'], 'س': ['s', 's'], 'ش': ['sh', 'x'], 'ص': ['s', 's'],
  'ض': ['d', 'd'], 'ط': ['t', 't'], 'ظ': ['z', 'z'], 'ع': ['', ''], 'غ': ['gh', 'g'], 'ف': ['f', 'f'], 'ق': ['q', 'k'], 'ك': ['k', 'k'],
  'ک': ['k', 'k'], 'گ': ['g', 'g'], 'ل': ['l', 'l'], 'م': ['m', 'm'], 'ن': ['n', 'n'], 'ه': ['h', 'h'], 'ة': ['a', ''], 'و': ['u', ''],
  'ي': ['i', ''], 'ی': ['i', ''],
};
/** Persian reads some Arabic letters differently (رضا Reza, ثمین Samin, ذاکر Zaker). */
const PERSIAN_READING: Record<string, [string, string]> = { 'ث': ['s', 's'], 'ذ': ['z', 'z'], 'ض': ['z', 'z'], 'ظ': ['z', 'z'], 'ق': ['gh', 'g'] };

function arabicToken(token: string, persian: boolean): { latin: string; skeleton: string } {
  const letters = [...token].filter((ch) => ARABIC_LETTERS[ch] !== undefined);
  // The article ال at the start of a longer word (الحسن → Hassan) is dropped, as in Latin keys.
  const body = letters.length > 3 && letters[0] === 'ا' && letters[1] === 'ل' ? letters.slice(2) : letters;
  let latin = '';
  let skeleton = '';
  body.forEach((ch, i) => {
    const reading = (persian ? PERSIAN_READING[ch] : undefined) ?? ARABIC_LETTERS[ch] ?? ['', ''];
    let [l, s] = reading;
    // و and ي are consonants at the start of a word (Walid, Yusuf), long vowels inside it.
    if (i === 0 && ch === 'و') [l, s] = ['w', 'v'];
    if (i === 0 && (ch === 'ي' || ch === 'ی')) [l, s] = ['y', ''];
    // A final ه after a letter is mostly a vowel sign (فاطمه Fatemeh, عبدالله Abdullah).
    if (i === body.length - 1 && i > 0 && ch === 'ه') [l, s] = ['h', ''];
    latin += l;
    skeleton += s;
  });
  return { latin, skeleton };
}

// ---------------------------------------------------------------- Cyrillic (Ukrainian, Russian)
const CYRILLIC_LETTERS: Record<string, [string, string]> = {
  'а': ['a', ''], 'б': ['b', 'b'], 'в': ['v', 'v'], 'г': ['g', 'g'], 'ґ': ['g', 'g'], 'д': ['d', 'd'], 'е': ['e', ''], 'є': ['ye', ''],
  'ё': ['yo', ''], 'ж': ['zh', 'z'], 'з': ['z', 'z'], 'и': ['i', ''], 'і': ['i', ''], 'ї': ['yi', ''], 'й': ['y', ''], 'к': ['k', 'k'],
  'л': ['l', 'l'], 'м': ['m', 'm'], 'н': ['n', 'n'], 'о': ['o', ''], 'п': ['p', 'p'], 'р': ['r', 'r'], 'с': ['s', 's'], 'т': ['t', 't'],
  'у': ['u', ''], 'ф': ['f', 'f'], 'х': ['kh', 'h'], 'ц': ['ts', 'ts'], 'ч': ['ch', 'c'], 'ш': ['sh', 'x'], 'щ': ['shch', 'xc'], 'ъ': ['', ''],
  'ы': ['y', ''], 'ь': ['', ''], 'э': ['e', ''], 'ю': ['yu', ''], 'я': ['ya', ''],
};
/** Ukrainian reads г as h and и as y (Сергій Serhii, Дмитро Dmytro). */
const UKRAINIAN_READING: Record<string, [string, string]> = { 'г': ['h', 'h'], 'и': ['y', ''] };

function cyrillicToken(token: string, ukrainian: boolean): { latin: string; skeleton: string } {
  let latin = '';
  let skeleton = '';
  for (const ch of token.toLowerCase()) {
    const reading = (ukrainian ? UKRAINIAN_READING[ch] : undefined) ?? CYRILLIC_LETTERS[ch];
    if (!reading) continue;
    latin += reading[0];
    skeleton += reading[1];
  }
  return { latin, skeleton };
}

// ---------------------------------------------------------------- Ethiopic (Tigrinya, Amharic)
/** The consonant of each row of eight syllables from U+1200 (ሀ ለ ሐ መ …): [Latin, skeleton]. */
const ETHIOPIC_ROWS: [string, string][] = [
  ['h', 'h'], ['l', 'l'], ['h', 'h'], ['m', 'm'], ['s', 's'], ['r', 'r'], ['s', 's'], ['sh', 'x'], ['q', 'k'], ['q', 'k'], ['q', 'k'], ['q', 'k'],
  ['b', 'b'], ['v', 'v'], ['t', 't'], ['ch', 'c'], ['h', 'h'], ['h', 'h'], ['n', 'n'], ['ny', 'n'], ['', ''], ['k', 'k'], ['k', 'k'], ['kh', 'h'],
  ['kh', 'h'], ['w', 'v'], ['', ''], ['z', 'z'], ['zh', 'z'], ['y', ''], ['d', 'd'], ['d', 'd'], ['j', ''], ['g', 'g'], ['g', 'g'], ['g', 'g'],
  ['t', 't'], ['ch', 'c'], ['p', 'p'], ['ts', 's'], ['ts', 's'], ['f', 'f'], ['p', 'p'],
];
/** The vowel of each order (ä u i a e ə o; the eighth is a labialised form). */
const ETHIOPIC_VOWELS = ['e', 'u', 'i', 'a', 'e', '', 'o', 'wa'];

function ethiopicToken(token: string): { latin: string; skeleton: string } {
  let latin = '';
  let skeleton = '';
  for (const ch of token) {
    const code = ch.codePointAt(0) ?? 0;
    const row = ETHIOPIC_ROWS[Math.floor((code - 0x1200) / 8)];
    if (code < 0x1200 || code > 0x135a || !row) continue;
    latin += row[0] + (ETHIOPIC_VOWELS[(code - 0x1200) % 8] ?? '');
    skeleton += row[1];
  }
  return { latin, skeleton };
}

// ---------------------------------------------------------------- Latin
/** Fold a Latin token: lower case, umlauts and accents to their base letter, ae/oe/ue to a/o/u, ß to ss, doubled letters once. */
export function foldLatin(token: string): string {
  let s = token
    .toLowerCase()
    .replace(/ß/gu, 'ss')
    .replace(/æ/gu, 'ae')
    .replace(/ø/gu, 'o')
    .replace(/[ıİ]/gu, 'i')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z]/gu, '');
  // Until nothing changes, so that folding twice changes nothing (Schröder, Schroeder, Schroder).
  for (let previous = ''; previous !== s; ) {
    previous = s;
    s = s.replace(/ae/gu, 'a').replace(/oe/gu, 'o').replace(/ue/gu, 'u').replace(/(.)\1+/gu, '$1');
  }
  return s;
}

/** Multi-letter sounds first, longest first; upper-case letters are placeholders for one symbol. */
const LATIN_SOUNDS: [RegExp, string][] = [
  [/tsch/gu, 'C'], [/dsch/gu, 'J'], [/dzh/gu, 'J'], [/sch/gu, 'X'], [/tch/gu, 'C'], [/ch/gu, 'C'], [/sh/gu, 'X'], [/zh/gu, 'z'],
  [/kh/gu, 'h'], [/gh/gu, 'g'], [/ph/gu, 'f'], [/th/gu, 't'], [/dh/gu, 'd'], [/dj/gu, 'J'], [/ck/gu, 'k'], [/c/gu, 'k'], [/q/gu, 'k'],
  [/x/gu, 'ks'], [/w/gu, 'v'], [/j/gu, 'J'],
];

function latinSkeleton(folded: string): string {
  // A final h after a vowel is not pronounced (Fatimah, Abdullah, Fatemeh).
  let s = folded.replace(/([aeiou])h$/u, '$1');
  for (const [pattern, symbol] of LATIN_SOUNDS) s = s.replace(pattern, symbol);
  return s.replace(/[aeiouyJ]/gu, '').replace(/C/gu, 'c').replace(/X/gu, 'x');
}

// ---------------------------------------------------------------- keys
/** Articles and particles that come and go between spellings (al-Hassan, Hassan). */
const PARTICLES = new Set(['al', 'el', 'ul', 'ad', 'ar', 'as', 'at', 'an', 'az']);

const collapse = (s: string): string => s.replace(/(.)\1+/gu, '$1');

function tokensOf(text: string): string[] {
  return text
    .normalize('NFC')
    .split(/[\s\-‐‑–—_.,;:/()'"’ʼʻʿʾ`´]+/u)
    .filter((t) => t.length > 0);
}

export interface TokenKeys {
  latin: string;
  skeleton: string;
}

/** The keys of one word of a name, in whatever script it is written. */
export function tokenKeys(token: string, context: { persian: boolean; ukrainian: boolean } = { persian: false, ukrainian: false }): TokenKeys {
  const script = scriptOf(token);
  switch (script) {
    case 'arabic': {
      const t = arabicToken(token, context.persian);
      return { latin: foldLatin(t.latin), skeleton: collapse(t.skeleton) };
    }
    case 'cyrillic': {
      const t = cyrillicToken(token, context.ukrainian);
      return { latin: foldLatin(t.latin), skeleton: collapse(t.skeleton) };
    }
    case 'ethiopic': {
      const t = ethiopicToken(token);
      return { latin: foldLatin(t.latin), skeleton: collapse(t.skeleton) };
    }
    case 'latin':
    case 'other': {
      const folded = foldLatin(token);
      return { latin: folded, skeleton: collapse(latinSkeleton(folded)) };
    }
  }
}

export interface NameKeys {
  /** Tokens' folded Latin forms, sorted, space-separated. */
  latin: string;
  /** Tokens' consonant skeletons, sorted, space-separated. */
  skeleton: string;
}

/** The search keys of a whole name (any number of words, any order, any script). */
export function nameKeys(name: string): NameKeys {
  const context = { persian: PERSIAN_ONLY.test(name), ukrainian: UKRAINIAN_ONLY.test(name) };
  const keys = tokensOf(name)
    .map((t) => tokenKeys(t, context))
    .filter((k) => k.latin.length > 0 && !PARTICLES.has(k.latin));
  const sorted = (values: string[]): string => [...new Set(values.filter((v) => v.length > 0))].sort().join(' ');
  return { latin: sorted(keys.map((k) => k.latin)), skeleton: sorted(keys.map((k) => k.skeleton)) };
}

/** A readable Latin transliteration of a name, word by word in its own order (for display beside the original). */
export function transliterate(name: string): string {
  const context = { persian: PERSIAN_ONLY.test(name), ukrainian: UKRAINIAN_ONLY.test(name) };
  return tokensOf(name)
    .map((token) => {
      const script = scriptOf(token);
      if (script === 'latin' || script === 'other') return token;
      const t = script === 'arabic' ? arabicToken(token, context.persian) : script === 'cyrillic' ? cyrillicToken(token, context.ukrainian) : ethiopicToken(token);
      return t.latin.charAt(0).toUpperCase() + t.latin.slice(1);
    })
    .filter((t) => t.length > 0)
    .join(' ');
}
