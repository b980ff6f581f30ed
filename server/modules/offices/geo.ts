/**
 * Distances on the earth and walking estimates. See docs/decisions/0007-walking-distance.md:
 * without an imported footpath network, walking distance is the straight line times a detour
 * factor, walked at a documented pace.
 */
export const EARTH_RADIUS_M = 6_371_008.8;

/** Walking routes are longer than the straight line; 1.3 is the usual urban detour (circuity) factor. */
export const DETOUR_FACTOR = 1.3;

/** Walking pace in km/h: a moderate pace that also holds for older people and children (4.5 km/h). */
export const WALKING_SPEED_KMH = 4.5;

export interface Point {
  lat: number;
  lon: number;
}

const rad = (deg: number): number => (deg * Math.PI) / 180;

/** Great-circle (haversine) distance in metres. */
export function haversineMetres(a: Point, b: Point): number {
  const dLat = rad(b.lat - a.lat);
  const dLon = rad(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

export interface Walk {
  straightMetres: number;
  walkingMetres: number;
  walkingMinutes: number;
}

export function walkBetween(a: Point, b: Point): Walk {
  const straight = haversineMetres(a, b);
  const walking = straight * DETOUR_FACTOR;
  return {
    straightMetres: Math.round(straight),
    walkingMetres: Math.round(walking),
    walkingMinutes: Math.round((walking / ((WALKING_SPEED_KMH * 1000) / 60)) * 10) / 10,
  };
}

/**
 * A latitude/longitude box that contains every point within `metres` of the centre: the SQL
 * prefilter (index on lat, lon) before the exact haversine distance.
 */
export function boundingBox(centre: Point, metres: number): { minLat: number; maxLat: number; minLon: number; maxLon: number } {
  const dLat = (metres / EARTH_RADIUS_M) * (180 / Math.PI);
  const cos = Math.max(Math.cos(rad(centre.lat)), 1e-6);
  const dLon = dLat / cos;
  return { minLat: centre.lat - dLat, maxLat: centre.lat + dLat, minLon: centre.lon - dLon, maxLon: centre.lon + dLon };
}
