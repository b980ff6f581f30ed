import { berlinFields } from '#server/time.ts';

/**
 * CSV for spreadsheets (decision 0004, addendum): UTF-8 with a byte-order mark (so Excel reads umlauts),
 * semicolon-separated (Excel's list separator in German locales, where the comma is the decimal
 * mark), CRLF line ends and RFC 4180 quoting. A cell that a spreadsheet would read as a formula
 * (starting with = + - @, a tab or a carriage return) gets a leading apostrophe.
 */
export const CSV_SEPARATOR = ';';
const BOM = '\uFEFF';

export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[";\r\n]|^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(rows: readonly (readonly string[])[]): string {
  return BOM + rows.map((row) => row.map(csvCell).join(CSV_SEPARATOR)).join('\r\n') + '\r\n';
}

/** "2026-12-03 18:05:12": Berlin wall-clock time, a form spreadsheets read as a date and time. */
export function berlinDateTime(at: Date): string {
  const p = berlinFields(at);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}
