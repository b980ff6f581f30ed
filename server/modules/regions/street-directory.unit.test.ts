import { describe, expect, it } from 'vitest';
import { houseNumberOf, normaliseStreet, parityOf, rangeHolds, splitHouseNumber } from './street-directory.normalise.ts';

describe('street names as keys', () => {
  it('makes the usual spellings of one street equal', () => {
    const key = normaliseStreet('Prager Straße');
    for (const v of ['Prager Str.', 'prager strasse', 'PRAGER STRASSE', 'Pragerstr.', 'Prager  Str', 'Prager-Straße', ' Prager Straße ']) expect(normaliseStreet(v)).toBe(key);
    expect(normaliseStreet('Karl-Marx-Str.')).toBe(normaliseStreet('Karl Marx Straße'));
    expect(normaliseStreet('Löbtauer Straße')).toBe(normaliseStreet('Loebtauer Strasse'));
    expect(normaliseStreet('Altmarkt')).toBe('altmarkt');
    expect(normaliseStreet('Pirnaischer Pl.')).toBe(normaliseStreet('Pirnaischer Platz'));
  });

  it('keeps different streets apart, and "str" inside a word alone', () => {
    expect(normaliseStreet('Strehlener Straße')).toBe('strehlenerstrasse');
    expect(normaliseStreet('Ostra-Allee')).toBe('ostraallee');
    expect(normaliseStreet('Prager Straße')).not.toBe(normaliseStreet('Prager Platz'));
  });

  it('reads house numbers and parities', () => {
    expect(houseNumberOf('12a')).toBe(12);
    expect(houseNumberOf(' 7 b')).toBe(7);
    expect(houseNumberOf('12-14')).toBe(12);
    expect(houseNumberOf('a12')).toBeNull();
    expect(parityOf('ungerade')).toBe('odd');
    expect(parityOf('even')).toBe('even');
    expect(parityOf('')).toBe('all');
    expect(parityOf('sometimes')).toBeNull();
    expect(rangeHolds({ numberFrom: 1, numberTo: 9, parity: 'odd' }, 3)).toBe(true);
    expect(rangeHolds({ numberFrom: 1, numberTo: 9, parity: 'odd' }, 4)).toBe(false);
    expect(rangeHolds({ numberFrom: 2, numberTo: 8, parity: 'even' }, 10)).toBe(false);
    expect(rangeHolds({ numberFrom: 2, numberTo: 8, parity: 'all' }, 5)).toBe(true);
  });
});

describe('a house number typed into the street field', () => {
  it('is split off the end, with letters and ranges', () => {
    const cases: [string, string, string][] = [
      ['Prager Straße 10', 'Prager Straße', '10'],
      ['Prager Straße 10a', 'Prager Straße', '10a'],
      ['Prager Straße 10 a', 'Prager Straße', '10 a'],
      ['Prager Straße 10-12', 'Prager Straße', '10-12'],
      ['Prager Straße 10/12', 'Prager Straße', '10/12'],
      ['Prager Str.10', 'Prager Str.', '10'],
      ['Prager Straße, 10', 'Prager Straße', '10'],
      ['  Prager Straße   7b ', 'Prager Straße', '7b'],
      ['Straße des 17. Juni 3', 'Straße des 17. Juni', '3'],
    ];
    for (const [input, street, number] of cases) expect(splitHouseNumber(input), input).toEqual({ street, number });
  });

  it('leaves a street without a trailing number alone', () => {
    for (const input of ['Prager Straße', 'Straße des 17. Juni', '10', 'Prager Straße10', '']) expect(splitHouseNumber(input), input).toBeNull();
  });
});
