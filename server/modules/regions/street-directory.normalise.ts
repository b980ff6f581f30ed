/**
 * Street names as keys: "Prager Straße", "Prager Str.", "prager strasse", "Pragerstr" all become
 * "pragerstrasse". Lower case, ß → ss, umlauts → ae/oe/ue, "Str."/"Str" → "strasse", "Pl." → "platz",
 * and spaces, hyphens, dots and apostrophes dropped. Used on both sides: the directory and the query.
 */
export function normaliseStreet(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replaceAll('ß', 'ss')
    .replaceAll('ä', 'ae')
    .replaceAll('ö', 'oe')
    .replaceAll('ü', 'ue')
    .replace(/str(?:\.|asse)?(?=$|[\s\-.,])/g, 'strasse')
    .replace(/pl\.(?=$|[\s\-,])/g, 'platz')
    .replace(/[\s\-.'’`´,]+/g, '');
}

/** The leading number of a house number ("12", "12a", "12 b", "12-14" → 12), or null. */
export function houseNumberOf(input: string): number | null {
  const m = /^\s*(\d{1,5})/.exec(input);
  return m?.[1] ? Number(m[1]) : null;
}

/**
 * "Prager Straße 10" typed into the street field alone → street "Prager Straße", number "10".
 * The number is the trailing house number with letters and ranges ("10a", "10 a", "10-12",
 * "10/12"); a number inside the name stays ("Straße des 17. Juni 3"). Null when there is none.
 */
export function splitHouseNumber(input: string): { street: string; number: string } | null {
  const m = /^(.*?\p{L}.*?)[\s,]*(?<=[\s,.])(\d{1,5}(?:\s?[a-zA-Z])?(?:\s?[-/]\s?\d{1,5}(?:\s?[a-zA-Z])?)?)\s*$/u.exec(input.trim());
  if (!m?.[1] || !m[2]) return null;
  return { street: m[1].trim(), number: m[2].replace(/\s+/g, ' ') };
}

export type Parity = 'all' | 'odd' | 'even';

export function parityOf(input: string): Parity | null {
  const v = input.trim().toLowerCase();
  if (v === '' || v === 'all' || v === 'alle' || v === 'a' || v === 'f') return 'all';
  if (v === 'odd' || v === 'ungerade' || v === 'u') return 'odd';
  if (v === 'even' || v === 'gerade' || v === 'g') return 'even';
  return null;
}

export function rangeHolds(range: { numberFrom: number; numberTo: number; parity: Parity }, n: number): boolean {
  if (n < range.numberFrom || n > range.numberTo) return false;
  if (range.parity === 'odd') return n % 2 === 1;
  if (range.parity === 'even') return n % 2 === 0;
  return true;
}
