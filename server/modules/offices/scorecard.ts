import type { OfficeAccessibility, SiteAssessment } from '#contracts/offices.ts';
import type { WeekSummary } from './hours.ts';

/**
 * The office scorecard: one traffic light per seed criterion, with its evidence. Pure: the service
 * gathers the inputs. Thresholds are data (SCORECARD_THRESHOLDS) and are explained in
 * docs/decisions/0008-office-scorecard.md. A criterion without evidence is `unknown`, never red.
 */
export type Light = 'green' | 'amber' | 'red' | 'unknown';
export type CriterionKey = 'transit' | 'footpaths' | 'signage' | 'position' | 'barrierFree' | 'openingHours' | 'appointments' | 'centrality';

export interface Criterion {
  criterion: CriterionKey;
  light: Light;
  evidence: Record<string, number | string | boolean | null>;
  noteKey: string;
  /** German explanation (the UI translates `noteKey`). */
  note: string;
}

export const SCORECARD_THRESHOLDS = {
  transit: {
    /** Walking minutes to the nearest stop: green up to 5, amber up to 10, red beyond. */
    walkGreenMax: 5,
    walkAmberMax: 10,
    /** Departures per hour at that stop during opening hours: green from 6 (every 10 min), amber from 2. */
    departuresGreenMin: 6,
    departuresAmberMin: 2,
  },
  barrierFree: {
    /** DIN 18040-1: clear door width of at least 90 cm. */
    doorWidthMinCm: 90,
  },
  openingHours: {
    green: { hoursPerWeek: 20, daysOpen: 4, afterWorkDays: 1 },
    amber: { hoursPerWeek: 10, daysOpen: 3 },
  },
  appointments: {
    /** Median days from request to appointment: green up to 7, amber up to 14. */
    medianGreenMaxDays: 7,
    medianAmberMaxDays: 14,
  },
  centrality: {
    /** Distance (km) from the office to the population-weighted centre of the region's quarters. */
    greenMaxKm: 1.5,
    amberMaxKm: 3,
  },
} as const;

export interface NearestStopInput {
  name: string;
  walkingMinutes: number;
  departuresPerHour: number | null;
}

/** Lead time figures, provided by the appointments module once bookings exist. */
export interface AppointmentLeadTime {
  /** Median days from the booking request to the appointment over the period measured. */
  medianDays: number;
  p90Days: number;
  /** Days from today to the next free slot, where known. */
  nextFreeSlotDays: number | null;
  bookings: number;
}

export interface CentralityInput {
  /** Distance (km) from the office to the (population-weighted) centre of the region's quarters. */
  distanceToCentreKm: number;
  /** Mean distance (km) from the region's quarters' centres to the office, weighted likewise. */
  meanQuarterDistanceKm: number;
  quarters: number;
  /** Weighted by the population imported for every quarter of the region (as of `populationAsOf`). */
  weighted: boolean;
  populationAsOf: string | null;
}

export interface ScorecardInput {
  nearestStop: NearestStopInput | null;
  /** Whether any stops are imported at all (otherwise transit is unknown, not red). */
  stopsImported: boolean;
  accessibility: OfficeAccessibility;
  assessment: SiteAssessment;
  week: WeekSummary;
  appointments: AppointmentLeadTime | null;
  centrality: CentralityInput | null;
}

const order: Record<Light, number> = { green: 0, amber: 1, red: 2, unknown: -1 };
/** The worse of two known lights; unknown only when both are. */
export function worst(a: Light, b: Light): Light {
  if (a === 'unknown') return b;
  if (b === 'unknown') return a;
  return order[a] >= order[b] ? a : b;
}

const fromRating = { good: 'green', fair: 'amber', poor: 'red' } as const;

function transit(input: ScorecardInput): Criterion {
  const t = SCORECARD_THRESHOLDS.transit;
  const stop = input.nearestStop;
  if (!stop) {
    return input.stopsImported
      ? { criterion: 'transit', light: 'red', evidence: { nearestStop: null }, noteKey: 'transitNoneNearby', note: 'Keine Haltestelle in der Nähe.' }
      : { criterion: 'transit', light: 'unknown', evidence: { nearestStop: null }, noteKey: 'transitNotImported', note: 'Noch keine Haltestellen importiert.' };
  }
  const walk: Light = stop.walkingMinutes <= t.walkGreenMax ? 'green' : stop.walkingMinutes <= t.walkAmberMax ? 'amber' : 'red';
  const deps: Light =
    stop.departuresPerHour === null ? 'unknown' : stop.departuresPerHour >= t.departuresGreenMin ? 'green' : stop.departuresPerHour >= t.departuresAmberMin ? 'amber' : 'red';
  return {
    criterion: 'transit',
    light: worst(walk, deps),
    evidence: { nearestStop: stop.name, walkingMinutes: stop.walkingMinutes, departuresPerHour: stop.departuresPerHour },
    noteKey: stop.departuresPerHour === null ? 'transitNoTimetable' : 'transitMeasured',
    note: stop.departuresPerHour === null ? 'Fußweg zur nächsten Haltestelle; Fahrpläne nicht importiert.' : 'Fußweg zur nächsten Haltestelle und Abfahrten je Stunde während der Öffnungszeiten.',
  };
}

function fromAssessment(criterion: CriterionKey, entry: SiteAssessment['footpaths']): Criterion | null {
  if (!entry) return null;
  return { criterion, light: fromRating[entry.rating], evidence: { rating: entry.rating, note: entry.note }, noteKey: 'coordinatorEntry', note: 'Einschätzung der Koordination.' };
}

function footpaths(input: ScorecardInput): Criterion {
  return (
    fromAssessment('footpaths', input.assessment.footpaths) ?? {
      criterion: 'footpaths',
      light: 'unknown',
      evidence: { rating: null },
      noteKey: 'footpathsNotAssessed',
      note: 'Die Koordination hat die Fußwege noch nicht eingeschätzt.',
    }
  );
}

function signage(input: ScorecardInput): Criterion {
  const s = input.accessibility.signage;
  const facts: Light = s.atEntrance === 'yes' ? (s.pictograms === 'no' ? 'amber' : 'green') : s.atEntrance === 'no' ? 'red' : 'unknown';
  const entry = input.assessment.signage;
  const light = entry ? worst(fromRating[entry.rating], facts) : facts;
  return {
    criterion: 'signage',
    light,
    evidence: { atEntrance: s.atEntrance, pictograms: s.pictograms, tactile: s.tactile, rating: entry?.rating ?? null, note: entry?.note ?? '' },
    noteKey: entry ? 'factsAndCoordinator' : 'factsOnly',
    note: entry ? 'Aus den Barrierefreiheitsangaben und der Einschätzung der Koordination.' : 'Aus den Barrierefreiheitsangaben.',
  };
}

function position(input: ScorecardInput): Criterion {
  const a = input.accessibility;
  let facts: Light = 'unknown';
  if (a.floor === 0) facts = 'green';
  else if (a.floor !== null) {
    if (a.elevator.exists === 'yes' && a.elevator.working === 'yes') facts = 'amber';
    else if (a.elevator.exists === 'no' || a.elevator.working === 'no') facts = 'red';
  }
  const entry = input.assessment.position;
  return {
    criterion: 'position',
    light: entry ? worst(fromRating[entry.rating], facts) : facts,
    evidence: { floor: a.floor, elevator: a.elevator.exists, elevatorWorking: a.elevator.working, rating: entry?.rating ?? null, note: entry?.note ?? '' },
    noteKey: entry ? 'factsAndCoordinator' : 'factsOnly',
    note: entry ? 'Aus den Barrierefreiheitsangaben und der Einschätzung der Koordination.' : 'Aus den Barrierefreiheitsangaben.',
  };
}

function barrierFree(input: ScorecardInput): Criterion {
  const a = input.accessibility;
  const main = a.entrances.find((e) => e.isMainEntrance) ?? a.entrances[0];
  const evidence = {
    stepCount: main?.stepCount ?? null,
    ramp: main?.ramp ?? 'unknown',
    doorWidthCm: main?.doorWidthCm ?? null,
    automaticDoor: main?.automaticDoor ?? 'unknown',
    accessibleToilet: a.accessibleToilet,
  };
  const base = { criterion: 'barrierFree' as const, evidence };
  if (!main || main.stepCount === null) return { ...base, light: 'unknown', noteKey: 'entranceUnknown', note: 'Der Eingang ist noch nicht erfasst.' };
  const stepFree = main.stepCount === 0 || main.ramp === 'yes';
  if (!stepFree) return { ...base, light: 'red', noteKey: 'stepsWithoutRamp', note: 'Stufen am Eingang ohne Rampe.' };
  // Inside the floor, a lift must work too.
  if (a.floor !== null && a.floor !== 0 && a.elevator.working === 'no') return { ...base, light: 'red', noteKey: 'elevatorBroken', note: 'Der Aufzug funktioniert nicht.' };
  const wide = main.doorWidthCm !== null && main.doorWidthCm >= SCORECARD_THRESHOLDS.barrierFree.doorWidthMinCm;
  if (wide && a.accessibleToilet === 'yes') return { ...base, light: 'green', noteKey: 'barrierFree', note: 'Stufenloser Zugang, breite Tür, barrierefreies WC.' };
  return { ...base, light: 'amber', noteKey: 'partlyBarrierFree', note: 'Stufenlos, aber Türbreite oder WC nicht barrierefrei oder unbekannt.' };
}

function openingHours(input: ScorecardInput): Criterion {
  const w = input.week;
  const t = SCORECARD_THRESHOLDS.openingHours;
  const evidence = { ...w };
  if (w.daysOpen === 0) return { criterion: 'openingHours', light: 'unknown', evidence, noteKey: 'noHours', note: 'Keine Öffnungszeiten erfasst.' };
  const green = w.hoursPerWeek >= t.green.hoursPerWeek && w.daysOpen >= t.green.daysOpen && w.afterWorkDays >= t.green.afterWorkDays;
  const amber = w.hoursPerWeek >= t.amber.hoursPerWeek && w.daysOpen >= t.amber.daysOpen;
  return {
    criterion: 'openingHours',
    light: green ? 'green' : amber ? 'amber' : 'red',
    evidence,
    noteKey: green ? 'hoursGood' : w.afterWorkDays === 0 ? 'hoursNoAfterWork' : 'hoursFew',
    note: green ? 'Genug Stunden, Tage und ein Tag nach 17 Uhr.' : w.afterWorkDays === 0 ? 'Kein Tag mit Öffnung nach 17 Uhr.' : 'Wenige Stunden oder Tage.',
  };
}

function appointments(input: ScorecardInput): Criterion {
  const a = input.appointments;
  if (!a) return { criterion: 'appointments', light: 'unknown', evidence: { medianDays: null, p90Days: null }, noteKey: 'appointmentsNotMeasured', note: 'Unbekannt – wird gemessen, sobald Termine vergeben werden.' };
  const t = SCORECARD_THRESHOLDS.appointments;
  return {
    criterion: 'appointments',
    light: a.medianDays <= t.medianGreenMaxDays ? 'green' : a.medianDays <= t.medianAmberMaxDays ? 'amber' : 'red',
    evidence: { medianDays: a.medianDays, p90Days: a.p90Days, nextFreeSlotDays: a.nextFreeSlotDays, bookings: a.bookings },
    noteKey: 'appointmentsMeasured',
    note: 'Tage von der Anfrage bis zum Termin (Median).',
  };
}

function centrality(input: ScorecardInput): Criterion {
  const c = input.centrality;
  if (!c) return { criterion: 'centrality', light: 'unknown', evidence: { distanceToCentreKm: null }, noteKey: 'centralityNoGeometry', note: 'Unbekannt – die Stadtteilgrenzen sind noch nicht importiert.' };
  const t = SCORECARD_THRESHOLDS.centrality;
  return {
    criterion: 'centrality',
    light: c.distanceToCentreKm <= t.greenMaxKm ? 'green' : c.distanceToCentreKm <= t.amberMaxKm ? 'amber' : 'red',
    evidence: { distanceToCentreKm: c.distanceToCentreKm, meanQuarterDistanceKm: c.meanQuarterDistanceKm, quarters: c.quarters, weighted: c.weighted, populationAsOf: c.populationAsOf },
    noteKey: c.weighted ? 'centralityWeighted' : 'centralityUnweighted',
    note: c.weighted
      ? `Abstand zum nach Einwohnern gewichteten Mittelpunkt der Stadtteile; mittlerer Abstand nach Einwohnern gewichtet (Einwohnerzahlen Stand ${c.populationAsOf ?? ''}).`
      : 'Abstand zum Mittelpunkt der Stadtteile; mittlerer Abstand ungewichtet (keine Einwohnerzahlen importiert).',
  };
}

export function scoreOffice(input: ScorecardInput): Criterion[] {
  return [transit(input), footpaths(input), signage(input), position(input), barrierFree(input), openingHours(input), appointments(input), centrality(input)];
}
