import { describe, expect, it } from 'vitest';
import { idsWith, partsOf } from './entry-state.ts';

describe('who took part in a service entry', () => {
  it('tells counselled, alongside and absent apart per person and gives the ids back per part', () => {
    const parts = partsOf(['a', 'b', 'c', 'd'], ['a'], ['c']);
    expect(parts).toEqual({ a: 'counselled', b: 'absent', c: 'alongside', d: 'absent' });
    expect(idsWith(parts, 'counselled')).toEqual(['a']);
    expect(idsWith(parts, 'alongside')).toEqual(['c']);
    expect(idsWith({ ...parts, b: 'alongside' }, 'alongside')).toEqual(['b', 'c']);
  });

  it('counts a person named in both lists once, as counselled', () => {
    expect(partsOf(['a'], ['a'], ['a'])).toEqual({ a: 'counselled' });
  });
});
