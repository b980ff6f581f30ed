import { describe, expect, it } from 'vitest';
import { centralityFrom, quartersOf, type QuarterCentre } from './centrality.ts';

// Three quarters along one parallel, 0.02° of longitude apart (≈ 1.4 km at 51° N), equal areas.
const quarters: QuarterCentre[] = [
  { code: '01', point: { lat: 51.05, lon: 13.74 }, area: 1 },
  { code: '02', point: { lat: 51.05, lon: 13.76 }, area: 1 },
  { code: '03', point: { lat: 51.05, lon: 13.78 }, area: 1 },
];
const office = { lat: 51.05, lon: 13.74 };

describe('centralityFrom', () => {
  it('without population: the area-weighted centre and the plain mean of the distances', () => {
    const c = centralityFrom(office, quarters);
    expect(c).toMatchObject({ quarters: 3, weighted: false, populationAsOf: null });
    // centre at 13.76: one step away; mean of 0, 1 and 2 steps is one step
    expect(c?.distanceToCentreKm).toBe(1.4);
    expect(c?.meanQuarterDistanceKm).toBe(1.4);
  });

  it('weights the centre and the mean distance by population', () => {
    const population = { asOf: '2025-12-31', byQuarter: new Map([['01', 1000], ['02', 0], ['03', 3000]]) };
    const c = centralityFrom(office, quarters, population);
    expect(c).toMatchObject({ weighted: true, populationAsOf: '2025-12-31' });
    // centre at 13.77 (1.5 steps); mean (0 steps·1000 + 2 steps·3000) / 4000 = 1.5 steps as well
    expect(c?.distanceToCentreKm).toBe(2.1);
    expect(c?.meanQuarterDistanceKm).toBe(2.1);
  });

  it('stays unweighted, and says so, when a quarter of the region has no figure', () => {
    const c = centralityFrom(office, quarters, { asOf: '2025-12-31', byQuarter: new Map([['01', 1000], ['03', 3000]]) });
    expect(c).toMatchObject({ weighted: false, populationAsOf: null, distanceToCentreKm: 1.4 });
  });

  it('joins the finer units of one quarter into one centroid, area-weighted', () => {
    const joined = quartersOf([
      { quarterCode: '01', point: { lat: 51, lon: 13 }, area: 1 },
      { quarterCode: '01', point: { lat: 51, lon: 13.03 }, area: 2 },
      { quarterCode: '02', point: { lat: 52, lon: 14 }, area: 1 },
    ]);
    expect(joined).toHaveLength(2);
    expect(joined[0]).toMatchObject({ code: '01', area: 3 });
    expect(joined[0]?.point.lon).toBeCloseTo(13.02, 10);
  });
});
