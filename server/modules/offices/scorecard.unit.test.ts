import { describe, expect, it } from 'vitest';
import { officeAccessibility, siteAssessment } from '#contracts/offices.ts';
import { scoreOffice, worst, type ScorecardInput } from './scorecard.ts';

const base = (over: Partial<ScorecardInput> = {}): ScorecardInput => ({
  nearestStop: { name: 'Postplatz', walkingMinutes: 3, departuresPerHour: 12 },
  stopsImported: true,
  accessibility: officeAccessibility.parse({
    entrances: [{ stepCount: 0, doorWidthCm: 100 }],
    floor: 0,
    accessibleToilet: 'yes',
    signage: { atEntrance: 'yes', pictograms: 'yes' },
  }),
  assessment: siteAssessment.parse({ footpaths: { rating: 'good' } }),
  week: { hoursPerWeek: 24, afterWorkHours: 2, afterWorkDays: 1, daysOpen: 5 },
  appointments: { medianDays: 4, p90Days: 9, nextFreeSlotDays: 2, bookings: 40 },
  centrality: { distanceToCentreKm: 0.8, meanQuarterDistanceKm: 2.1, quarters: 12, weighted: false, populationAsOf: null },
  ...over,
});
const lights = (input: ScorecardInput) => Object.fromEntries(scoreOffice(input).map((c) => [c.criterion, c.light]));

describe('office scorecard', () => {
  it('is green throughout for a well-placed office', () => {
    expect(lights(base())).toEqual({ transit: 'green', footpaths: 'green', signage: 'green', position: 'green', barrierFree: 'green', openingHours: 'green', appointments: 'green', centrality: 'green' });
  });

  it('says unknown, not red, where evidence is missing', () => {
    const l = lights(base({ nearestStop: null, stopsImported: false, accessibility: officeAccessibility.parse({}), assessment: siteAssessment.parse({}), appointments: null, centrality: null, week: { hoursPerWeek: 0, afterWorkHours: 0, afterWorkDays: 0, daysOpen: 0 } }));
    expect(Object.values(l).every((x) => x === 'unknown')).toBe(true);
  });

  it('grades transit by walking minutes and departures, the worse one counting', () => {
    expect(lights(base({ nearestStop: { name: 'A', walkingMinutes: 8, departuresPerHour: 12 } })).transit).toBe('amber');
    expect(lights(base({ nearestStop: { name: 'A', walkingMinutes: 12, departuresPerHour: 12 } })).transit).toBe('red');
    expect(lights(base({ nearestStop: { name: 'A', walkingMinutes: 3, departuresPerHour: 1 } })).transit).toBe('red');
    expect(lights(base({ nearestStop: { name: 'A', walkingMinutes: 3, departuresPerHour: null } })).transit).toBe('green');
    expect(lights(base({ nearestStop: null, stopsImported: true })).transit).toBe('red');
  });

  it('grades barrier-free access from the entrance, door and toilet', () => {
    const acc = (o: object) => officeAccessibility.parse({ floor: 0, accessibleToilet: 'yes', ...o });
    expect(lights(base({ accessibility: acc({ entrances: [{ stepCount: 3, ramp: 'no', doorWidthCm: 100 }] }) })).barrierFree).toBe('red');
    expect(lights(base({ accessibility: acc({ entrances: [{ stepCount: 3, ramp: 'yes', doorWidthCm: 100 }] }) })).barrierFree).toBe('green');
    expect(lights(base({ accessibility: acc({ entrances: [{ stepCount: 0, doorWidthCm: 80 }] }) })).barrierFree).toBe('amber');
    expect(lights(base({ accessibility: acc({ entrances: [{ stepCount: 0, doorWidthCm: null }] }) })).barrierFree).toBe('amber');
  });

  it('grades the position in the building by floor and lift', () => {
    const acc = (o: object) => officeAccessibility.parse({ entrances: [{ stepCount: 0 }], ...o });
    expect(lights(base({ accessibility: acc({ floor: 2, elevator: { exists: 'yes', working: 'yes' } }) })).position).toBe('amber');
    expect(lights(base({ accessibility: acc({ floor: 2, elevator: { exists: 'no' } }) })).position).toBe('red');
    expect(lights(base({ accessibility: acc({ floor: 2 }) })).position).toBe('unknown');
  });

  it('grades opening hours by hours, days and after-work opening', () => {
    expect(lights(base({ week: { hoursPerWeek: 24, afterWorkHours: 0, afterWorkDays: 0, daysOpen: 5 } })).openingHours).toBe('amber');
    expect(lights(base({ week: { hoursPerWeek: 8, afterWorkHours: 1, afterWorkDays: 1, daysOpen: 2 } })).openingHours).toBe('red');
  });

  it('grades lead time and centrality by their thresholds', () => {
    expect(lights(base({ appointments: { medianDays: 10, p90Days: 20, nextFreeSlotDays: null, bookings: 5 } })).appointments).toBe('amber');
    expect(lights(base({ appointments: { medianDays: 21, p90Days: 30, nextFreeSlotDays: null, bookings: 5 } })).appointments).toBe('red');
    expect(lights(base({ centrality: { distanceToCentreKm: 2, meanQuarterDistanceKm: 3, quarters: 4, weighted: false, populationAsOf: null } })).centrality).toBe('amber');
    expect(lights(base({ centrality: { distanceToCentreKm: 5, meanQuarterDistanceKm: 6, quarters: 4, weighted: false, populationAsOf: null } })).centrality).toBe('red');
  });

  it('lets a coordinator\'s poor rating pull signage down', () => {
    expect(lights(base({ assessment: siteAssessment.parse({ signage: { rating: 'poor' } }) })).signage).toBe('red');
    expect(worst('unknown', 'amber')).toBe('amber');
    expect(worst('green', 'red')).toBe('red');
  });
});
