import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { berlinDateTime, csvCell, toCsv } from './audit.csv.ts';

describe('the audit CSV writer', () => {
  it('writes a BOM, semicolons and CRLF, and quotes what needs it so a real parser reads the cells back', () => {
    const rows = [
      ['Zeitpunkt', 'Organisation'],
      ['2026-12-03 18:05:12', 'Träger "Süd"; gGmbH'],
      ['zwei\nZeilen', ' leading space'],
    ];
    const csv = toCsv(rows);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain('Zeitpunkt;Organisation\r\n');
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(parse(csv, { bom: true, delimiter: ';', record_delimiter: '\r\n' })).toEqual(rows);
  });

  it('keeps a spreadsheet from reading a cell as a formula', () => {
    for (const value of ['=HYPERLINK("x")', '+1', '-1', '@SUM(A1)', '\tx']) {
      const [[cell]] = parse(toCsv([[value]]), { bom: true, delimiter: ';' }) as string[][] as [[string]];
      expect(cell).toBe(`'${value}`);
    }
    expect(csvCell('Anna Berg')).toBe('Anna Berg');
  });

  it('writes Berlin wall-clock time across the change to summer time', () => {
    expect(berlinDateTime(new Date('2026-03-29T00:30:00Z'))).toBe('2026-03-29 01:30:00');
    expect(berlinDateTime(new Date('2026-03-29T01:30:00Z'))).toBe('2026-03-29 03:30:00');
  });
});
