import type { Tx } from '#server/db.ts';
import { officeAccessibility, siteAssessment } from '#contracts/offices.ts';
import { findRegion } from '#server/modules/regions/regions.public.ts';
import { insertDepartures, insertStops } from './gtfs.queries.ts';
import { insertOffice, replaceExceptions, replaceHours } from './offices.queries.ts';
import { saveServices } from './services.ts';

/**
 * Demo integration offices: one per region, fictional addresses at plausible points inside the
 * region, opening hours with one late day, languages, services (all three blocks; the integration
 * areas vary a little), accessibility facts with some unknowns, and a few fictional stops with departures so that every region's scorecard shows something.
 */
const BLOCKS = ['basic', 'open_consultation', 'specialist'];
const ALL_AREAS = ['values', 'material', 'language', 'social', 'work', 'health', 'housing', 'crisis', 'special'];
const areasWithout = (...left: string[]) => ALL_AREAS.filter((a) => !left.includes(a));

const OFFICES = [
  {
    region: 'nord', provider: 'nord', name: 'Integrationsbüro Nord', street: 'Königsbrücker Straße', houseNumber: '48', postcode: '01099', lat: 51.0655, lon: 13.7515,
    languages: ['de', 'ar', 'fa', 'en'], late: 4, areas: ALL_AREAS,
    accessibility: { entrances: [{ stepCount: 0, automaticDoor: 'yes', doorWidthCm: 100 }], floor: 0, accessibleToilet: 'yes', signage: { atEntrance: 'yes', pictograms: 'yes' }, hearingLoop: 'unknown', quietRoom: 'yes' },
    assessment: { footpaths: { rating: 'good', note: 'Breite Gehwege, Ampel direkt vor dem Haus.' } },
    stops: [{ name: 'Bischofsweg (Demo)', dLat: 0.0012, dLon: 0.0004, lines: ['7', '8'], perHour: 12 }, { name: 'Louisenstraße (Demo)', dLat: -0.004, dLon: 0.001, lines: ['64'], perHour: 4 }],
  },
  {
    region: 'west', provider: 'west', name: 'Integrationsbüro West', street: 'Hamburger Straße', houseNumber: '30', postcode: '01157', lat: 51.0585, lon: 13.6905,
    languages: ['de', 'ru', 'uk'], late: 2, areas: areasWithout('crisis'),
    accessibility: { entrances: [{ stepCount: 3, ramp: 'yes', automaticDoor: 'no', doorWidthCm: 85 }], floor: 1, elevator: { exists: 'yes', working: 'yes' }, accessibleToilet: 'unknown', signage: { atEntrance: 'yes', pictograms: 'no' } },
    assessment: {},
    stops: [{ name: 'Cottaer Markt (Demo)', dLat: -0.003, dLon: 0.002, lines: ['1', '12'], perHour: 8 }],
  },
  {
    region: 'mitte', provider: 'mitte', name: 'Integrationsbüro Mitte', street: 'Lingnerallee', houseNumber: '9', postcode: '01069', lat: 51.0452, lon: 13.7478,
    languages: ['de', 'ar', 'en', 'uk'], late: 3, areas: areasWithout('special', 'health'),
    accessibility: { entrances: [{ stepCount: 0, automaticDoor: 'unknown', doorWidthCm: null }], floor: 2, elevator: { exists: 'yes', working: 'unknown' }, accessibleToilet: 'yes', signage: { atEntrance: 'unknown' }, hearingLoop: 'yes' },
    assessment: { signage: { rating: 'fair', note: 'Schild nur auf Deutsch.' } },
    stops: [{ name: 'Lingnerallee (Demo)', dLat: 0.0008, dLon: -0.0006, lines: ['75'], perHour: 3 }, { name: 'Pirnaischer Platz (Demo)', dLat: 0.005, dLon: -0.004, lines: ['1', '2', '3', '4'], perHour: 20 }],
  },
  {
    region: 'sued', provider: 'sued', name: 'Integrationsbüro Süd', street: 'Prohliser Allee', houseNumber: '12', postcode: '01239', lat: 51.0012, lon: 13.7985,
    languages: ['de', 'ar', 'fa', 'ru'], late: 4, areas: areasWithout('values'),
    accessibility: { entrances: [{ stepCount: 2, ramp: 'no', doorWidthCm: 90 }], floor: 0, accessibleToilet: 'no', signage: { atEntrance: 'no' } },
    assessment: { footpaths: { rating: 'poor', note: 'Baustelle, Umweg über den Parkplatz.' } },
    stops: [{ name: 'Prohlis Zentrum (Demo)', dLat: -0.0025, dLon: 0.0015, lines: ['1', '9', '88'], perHour: 10 }],
  },
] as const;

export async function seedDemoOffices(tx: Tx, providerIds: Map<string, string>): Promise<void> {
  let stopNo = 0;
  for (const o of OFFICES) {
    const region = await findRegion(tx, o.region);
    const providerId = providerIds.get(o.provider);
    if (!region || !providerId) throw new Error(`demo offices: region or provider ${o.region} missing`);
    const row = await insertOffice(tx, {
      providerId,
      regionId: region.id,
      name: o.name,
      street: o.street,
      houseNumber: o.houseNumber,
      postcode: o.postcode,
      city: 'Dresden',
      lat: o.lat,
      lon: o.lon,
      phone: '+49 351 000000',
      email: `buero@${o.provider}.demo`,
      languages: [...o.languages],
      accessibility: officeAccessibility.parse(o.accessibility),
      siteAssessment: siteAssessment.parse(o.assessment),
      validFrom: '2019-07-01',
    });
    type Rule = { weekday: number; opens: string; closes: string; kind: 'open' | 'walk_in' };
    const hours = [1, 2, 3, 4, 5].flatMap((weekday): Rule[] =>
      weekday === o.late
        ? [{ weekday, opens: '12:00', closes: '19:00', kind: 'open' }]
        : weekday === 5
          ? [{ weekday, opens: '09:00', closes: '12:00', kind: 'walk_in' }]
          : [{ weekday, opens: '09:00', closes: '12:00', kind: 'open' }, { weekday, opens: '13:00', closes: '15:30', kind: 'open' }],
    );
    await replaceHours(tx, row.id, hours);
    await saveServices(tx, row.id, { blocks: BLOCKS, areas: o.areas });
    const year = new Date().getFullYear();
    await replaceExceptions(tx, row.id, [{ date: `${year}-12-24`, closed: true, opens: null, closes: null, note: 'Heiligabend' }, { date: `${year}-12-31`, closed: true, opens: null, closes: null, note: 'Silvester' }]);
    for (const s of o.stops) {
      const stopId = `demo-${++stopNo}`;
      await insertStops(tx, [{ stopId, name: s.name, lat: o.lat + s.dLat, lon: o.lon + s.dLon, lines: [...s.lines] }]);
      const rows = [];
      for (let weekday = 1; weekday <= 7; weekday++) {
        for (let hour = 5; hour <= 23; hour++) rows.push({ stopId, weekday, hour, departures: weekday >= 6 ? Math.max(1, Math.floor(s.perHour / 2)) : s.perHour });
      }
      await insertDepartures(tx, rows);
    }
  }
}
