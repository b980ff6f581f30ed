import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldLatin, nameKeys, scriptOf, transliterate } from './names.ts';

const skeleton = (name: string): string => nameKeys(name).skeleton;
const latin = (name: string): string => nameKeys(name).latin;

describe('name keys across scripts', () => {
  it('lets محمد, Mohammed, Muhammad and Mohamad meet on one skeleton', () => {
    expect(new Set(['محمد', 'Mohammed', 'Muhammad', 'Mohamad', 'Mohamed', 'MUHAMMED'].map(skeleton))).toEqual(new Set(['mhmd']));
  });

  it('folds German umlauts: Schröder = Schroeder = Schroder (also the Latin key)', () => {
    expect(new Set(['Schröder', 'Schroeder', 'Schroder', 'SCHRÖDER'].map(latin))).toEqual(new Set(['schroder']));
    expect(latin('Müller')).toBe(latin('Mueller'));
    expect(latin('Weiß')).toBe(latin('Weiss'));
    expect(latin('Bär')).toBe(latin('Baer'));
  });

  it('reads Arabic without short vowels, long vowels as vowels and و ي at the start as consonants', () => {
    expect(skeleton('حسن')).toBe(skeleton('Hassan'));
    expect(skeleton('يوسف')).toBe(skeleton('Youssef'));
    expect(skeleton('Jusuf')).toBe(skeleton('Yusuf'));
    expect(skeleton('أحمد')).toBe(skeleton('Ahmad'));
    expect(skeleton('إبراهيم')).toBe(skeleton('Ibrahim'));
    expect(skeleton('وليد')).toBe(skeleton('Walid'));
    expect(skeleton('خالد')).toBe(skeleton('Khaled'));
    expect(skeleton('علي')).toBe(skeleton('Ali'));
  });

  it('drops the article (الحسن, al-Hassan, El Hassan = Hassan) and a silent final h (فاطمة, فاطمه, Fatima, Fatemeh)', () => {
    expect(new Set(['الحسن', 'al-Hassan', 'El Hassan', 'Hasan'].map(nameKeys).map((k) => k.skeleton))).toEqual(new Set(['hsn']));
    expect(new Set(['فاطمة', 'فاطمه', 'Fatima', 'Fatemeh', 'Fatimah'].map(skeleton))).toEqual(new Set(['ftm']));
    expect(skeleton('عبدالله')).toBe(skeleton('Abdullah'));
  });

  it('reads Persian letters (ژ zh, چ ch, گ g, ک k) and Persian values of Arabic letters', () => {
    expect(skeleton('زهرا')).toBe(skeleton('Zahra'));
    expect(skeleton('کریمی')).toBe(skeleton('Karimi'));
    expect(skeleton('رضایی')).toBe(skeleton('Rezaei'));
    expect(skeleton('گلنار')).toBe(skeleton('Golnar'));
  });

  it('transliterates Ukrainian and Russian Cyrillic (г is h in Ukrainian, g in Russian)', () => {
    expect(latin('Олександр')).toBe('oleksandr');
    expect(skeleton('Олександр')).toBe(skeleton('Aleksandr'));
    expect(skeleton('Александр')).toBe(skeleton('Alexander'));
    expect(new Set(['Шевченко', 'Shevchenko', 'Schewtschenko'].map(skeleton))).toEqual(new Set(['xvcnk']));
    expect(skeleton('Сергій')).toBe(skeleton('Serhiy'));
    expect(skeleton('Сергей')).toBe(skeleton('Sergey'));
    expect(skeleton('Юлія')).toBe(skeleton('Julia'));
    expect(skeleton('Жанна')).toBe(skeleton('Zhanna'));
  });

  it('reads Ethiopic syllables (Tigrinya): ተስፋዬ = Tesfaye', () => {
    expect(latin('ተስፋዬ')).toBe('tesfaye');
    expect(skeleton('ተስፋዬ')).toBe(skeleton('Tesfaye'));
  });

  it('ignores the order of the words and keeps different names apart', () => {
    expect(skeleton('Mohammed Al-Hassan')).toBe(skeleton('الحسن محمد'));
    expect(nameKeys('Hassan Mohammed').latin).toBe('hasan mohamed');
    expect(skeleton('Olena')).not.toBe(skeleton('Oleksandr'));
    expect(skeleton('Schröder')).not.toBe(skeleton('Schneider'));
  });

  it('names the script and writes a readable transliteration word by word', () => {
    expect(scriptOf('محمد')).toBe('arabic');
    expect(scriptOf('Олена')).toBe('cyrillic');
    expect(scriptOf('ተስፋዬ')).toBe('ethiopic');
    expect(scriptOf('Schröder')).toBe('latin');
    expect(transliterate('Олена Коваленко')).toBe('Olena Kovalenko');
  });
});

const latinLetter = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzäöüß'.split(''));
const word = fc.array(latinLetter, { minLength: 1, maxLength: 10 }).map((cs) => cs.join(''));
const words = fc.array(word, { minLength: 1, maxLength: 4 });

describe('name key properties', () => {
  it('keys are lower-case Latin words separated by single spaces', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (s) => {
        const k = nameKeys(s);
        expect(k.latin).toMatch(/^([a-z]+( [a-z]+)*)?$/);
        expect(k.skeleton).toMatch(/^([a-z]+( [a-z]+)*)?$/);
      }),
    );
  });

  it('the order of the words does not matter', () => {
    fc.assert(
      fc.property(words, (ws) => {
        expect(nameKeys([...ws].reverse().join(' '))).toEqual(nameKeys(ws.join(' ')));
      }),
    );
  });

  it('folding is idempotent and upper case folds like lower case', () => {
    fc.assert(
      fc.property(word, (w) => {
        expect(foldLatin(foldLatin(w))).toBe(foldLatin(w));
        expect(nameKeys(w.toUpperCase())).toEqual(nameKeys(w));
      }),
    );
  });

  it('an umlaut and its two-letter spelling give the same keys', () => {
    fc.assert(
      fc.property(words, (ws) => {
        const name = ws.join(' ');
        const spelled = name.replace(/ä/gu, 'ae').replace(/ö/gu, 'oe').replace(/ü/gu, 'ue');
        expect(nameKeys(spelled)).toEqual(nameKeys(name));
      }),
    );
  });
});
