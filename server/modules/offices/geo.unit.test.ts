import { describe, expect, it } from 'vitest';
import { boundingBox, haversineMetres, walkBetween } from './geo.ts';
import { departuresPerOpeningHour } from './transit.ts';
import { centroidOf } from './centrality.ts';

describe('distances', () => {
  it('measures the haversine distance', () => {
    // Dresden Hauptbahnhof → Frauenkirche is about 1.3 km
    const d = haversineMetres({ lat: 51.0405, lon: 13.7322 }, { lat: 51.0519, lon: 13.7417 });
    expect(d).toBeGreaterThan(1350);
    expect(d).toBeLessThan(1450);
    // one degree of latitude ≈ 111.2 km
    expect(Math.round(haversineMetres({ lat: 50, lon: 13 }, { lat: 51, lon: 13 }) / 100)).toBe(1112);
    expect(haversineMetres({ lat: 51, lon: 13 }, { lat: 51, lon: 13 })).toBe(0);
  });

  it('walks 1.3 times the straight line at 4.5 km/h', () => {
    const w = walkBetween({ lat: 51, lon: 13 }, { lat: 51.009, lon: 13 });
    expect(w.straightMetres).toBe(1001);
    expect(w.walkingMetres).toBe(1301);
    expect(w.walkingMinutes).toBe(17.3);
  });

  it('has a bounding box that contains the circle', () => {
    const c = { lat: 51.05, lon: 13.74 };
    const b = boundingBox(c, 1000);
    expect(haversineMetres(c, { lat: b.maxLat, lon: c.lon })).toBeCloseTo(1000, 0);
    expect(haversineMetres(c, { lat: c.lat, lon: b.maxLon })).toBeGreaterThanOrEqual(999);
  });

  it('averages departures over the opening hours', () => {
    const deps = [
      { weekday: 1, hour: 9, departures: 6 },
      { weekday: 1, hour: 10, departures: 2 },
    ];
    expect(departuresPerOpeningHour(deps, [{ weekday: 1, opens: '09:00', closes: '11:00', kind: 'open' }])).toBe(4);
    expect(departuresPerOpeningHour(deps, [{ weekday: 1, opens: '09:30', closes: '10:30', kind: 'open' }])).toBe(4);
    expect(departuresPerOpeningHour(deps, [{ weekday: 2, opens: '09:00', closes: '10:00', kind: 'open' }])).toBe(0);
    expect(departuresPerOpeningHour(deps, [])).toBeNull();
  });

  it('finds the centroid of a square', () => {
    const c = centroidOf([[[[13, 51], [13.02, 51], [13.02, 51.02], [13, 51.02], [13, 51]]]]);
    expect(c?.point.lat).toBeCloseTo(51.01, 6);
    expect(c?.point.lon).toBeCloseTo(13.01, 6);
  });
});
