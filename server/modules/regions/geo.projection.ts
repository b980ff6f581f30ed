/**
 * ETRS89 / UTM zone 33N (EPSG:25833) ↔ WGS 84 longitude/latitude, with the transverse Mercator
 * series of Krüger (third order in n), exact to well under a millimetre within a zone. ETRS89 and
 * WGS 84 differ by well under a metre, less than the precision of any street boundary; the GRS80
 * ellipsoid is used.
 */
const a = 6378137;
const f = 1 / 298.257222101;
const k0 = 0.9996;
const falseEasting = 500000;
const n = f / (2 - f);
const A = (a / (1 + n)) * (1 + n ** 2 / 4 + n ** 4 / 64);
const alpha = [n / 2 - (2 * n ** 2) / 3 + (5 * n ** 3) / 16, (13 * n ** 2) / 48 - (3 * n ** 3) / 5, (61 * n ** 3) / 240];
const beta = [n / 2 - (2 * n ** 2) / 3 + (37 * n ** 3) / 96, n ** 2 / 48 + n ** 3 / 15, (17 * n ** 3) / 480];
const delta = [2 * n - (2 * n ** 2) / 3 - 2 * n ** 3, (7 * n ** 2) / 3 - (8 * n ** 3) / 5, (56 * n ** 3) / 15];
const rad = Math.PI / 180;

/** Central meridian of a UTM zone in degrees (zone 33: 15° E). */
export const centralMeridian = (zone: number): number => zone * 6 - 183;

/** [longitude, latitude] in degrees → [easting, northing] in metres (northern hemisphere). */
export function toUtm(lon: number, lat: number, zone = 33): [number, number] {
  const phi = lat * rad;
  const lambda = (lon - centralMeridian(zone)) * rad;
  const c = (2 * Math.sqrt(n)) / (1 + n);
  const t = Math.sinh(Math.atanh(Math.sin(phi)) - c * Math.atanh(c * Math.sin(phi)));
  const xi = Math.atan(t / Math.cos(lambda));
  const eta = Math.atanh(Math.sin(lambda) / Math.sqrt(1 + t * t));
  let e = eta;
  let nn = xi;
  for (let j = 1; j <= 3; j++) {
    const al = alpha[j - 1] ?? 0;
    e += al * Math.cos(2 * j * xi) * Math.sinh(2 * j * eta);
    nn += al * Math.sin(2 * j * xi) * Math.cosh(2 * j * eta);
  }
  return [falseEasting + k0 * A * e, k0 * A * nn];
}

/** [easting, northing] in metres (northern hemisphere) → [longitude, latitude] in degrees. */
export function fromUtm(easting: number, northing: number, zone = 33): [number, number] {
  const xi = northing / (k0 * A);
  const eta = (easting - falseEasting) / (k0 * A);
  let xi1 = xi;
  let eta1 = eta;
  for (let j = 1; j <= 3; j++) {
    const b = beta[j - 1] ?? 0;
    xi1 -= b * Math.sin(2 * j * xi) * Math.cosh(2 * j * eta);
    eta1 -= b * Math.cos(2 * j * xi) * Math.sinh(2 * j * eta);
  }
  const chi = Math.asin(Math.sin(xi1) / Math.cosh(eta1));
  let phi = chi;
  for (let j = 1; j <= 3; j++) phi += (delta[j - 1] ?? 0) * Math.sin(2 * j * chi);
  const lambda = Math.atan(Math.sinh(eta1) / Math.cos(xi1));
  return [centralMeridian(zone) + lambda / rad, phi / rad];
}
