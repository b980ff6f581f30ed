/**
 * Point in polygon on GeoJSON coordinates ([lon, lat]), holes and multipolygons included.
 * The border rule (docs/decisions/0006-point-on-border.md): a point on a polygon's boundary — outer
 * ring or hole — counts as inside; where several units contain a point, the lowest unit code wins.
 */
export type Position = [number, number];
export type Ring = Position[];
export type PolygonCoords = Ring[];
export type MultiPolygonCoords = PolygonCoords[];

export interface Bbox {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/** How close (in coordinate units, ~0.1 mm in degrees) a point must be to an edge to lie on it. */
const EPSILON = 1e-9;

function onSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): boolean {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  if (len2 === 0) return Math.hypot(px - ax, py - ay) <= EPSILON;
  const t = ((px - ax) * dx + (py - ay) * dy) / len2;
  if (t < 0 || t > 1) return Math.hypot(px - ax, py - ay) <= EPSILON || Math.hypot(px - bx, py - by) <= EPSILON;
  const cross = Math.abs((px - ax) * dy - (py - ay) * dx) / Math.sqrt(len2);
  return cross <= EPSILON;
}

/** Where a point lies relative to one closed ring (even-odd rule; the ring may or may not repeat its first point). */
export function ringLocation(p: Position, ring: Ring): 'inside' | 'boundary' | 'outside' {
  const [px, py] = p;
  let inside = false;
  const count = ring.length;
  for (let i = 0, j = count - 1; i < count; j = i++) {
    const a = ring[i];
    const b = ring[j];
    if (!a || !b) continue;
    const [ax, ay] = a;
    const [bx, by] = b;
    if (onSegment(px, py, ax, ay, bx, by)) return 'boundary';
    if (ay > py !== by > py && px < ((bx - ax) * (py - ay)) / (by - ay) + ax) inside = !inside;
  }
  return inside ? 'inside' : 'outside';
}

/** Inside the outer ring (boundary included) and not strictly inside a hole (a hole's edge counts as inside). */
export function polygonContains(polygon: PolygonCoords, p: Position): boolean {
  const [outer, ...holes] = polygon;
  if (!outer) return false;
  const where = ringLocation(p, outer);
  if (where === 'outside') return false;
  if (where === 'boundary') return true;
  return holes.every((hole) => ringLocation(p, hole) !== 'inside');
}

export function multiPolygonContains(polygons: MultiPolygonCoords, p: Position): boolean {
  return polygons.some((polygon) => polygonContains(polygon, p));
}

export function bboxOf(polygons: MultiPolygonCoords): Bbox {
  const box = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  for (const polygon of polygons) {
    for (const [x, y] of polygon[0] ?? []) {
      box.minX = Math.min(box.minX, x);
      box.minY = Math.min(box.minY, y);
      box.maxX = Math.max(box.maxX, x);
      box.maxY = Math.max(box.maxY, y);
    }
  }
  return box;
}

/** PostgreSQL's text form of a box, widened by the border tolerance so the candidate search never misses an edge point. */
export function boxLiteral(b: Bbox): string {
  return `((${b.minX - EPSILON},${b.minY - EPSILON}),(${b.maxX + EPSILON},${b.maxY + EPSILON}))`;
}

/**
 * The one unit a point belongs to among candidates: all that contain it (boundary included), the
 * lowest code (code-point order) on a shared border.
 */
export function pickContaining<T extends { code: string; geometry: MultiPolygonCoords }>(candidates: readonly T[], p: Position): T | null {
  let best: T | null = null;
  for (const c of candidates) {
    if ((best === null || c.code < best.code) && multiPolygonContains(c.geometry, p)) best = c;
  }
  return best;
}
