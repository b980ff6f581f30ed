import { describe, expect, it } from 'vitest';
import { counsellingLanguages } from './labels.tsx';

describe('languages to choose for a counselling', () => {
  it('offers the people\'s own languages first, then the common ones with German first, none twice', () => {
    const choices = counsellingLanguages(['prs', 'ar', 'prs']);
    expect(choices.slice(0, 3)).toEqual(['prs', 'ar', 'de']);
    expect(choices.filter((c) => c === 'ar')).toHaveLength(1);
    expect(choices).toContain('uk');
    expect(counsellingLanguages()[0]).toBe('de');
  });
});
