import { z } from 'zod';
import { action } from './actions.ts';
import { isoDate } from './common.ts';

/**
 * Offices (Integrationsbüros): public list and detail, staff writes, accessibility facts modelled on
 * A11yJSON (every fact tri-state: "unknown" is an answer distinct from "no"), the scorecard.
 */

/** yes / no / unknown: a fact nobody checked yet is `unknown`, never silently `no`. */
export const triState = z.enum(['yes', 'no', 'unknown']);
export type TriState = z.infer<typeof triState>;

const unknownNumber = z.number().int().min(0).max(10_000).nullable().default(null);

export const entrance = z
  .object({
    name: z.string().max(120).default(''),
    isMainEntrance: z.boolean().default(true),
    /** Number of steps; null = unknown. */
    stepCount: unknownNumber,
    ramp: triState.default('unknown'),
    automaticDoor: triState.default('unknown'),
    /** Clear door width in centimetres; null = unknown. */
    doorWidthCm: unknownNumber,
  })
  .strict();

export const officeAccessibility = z
  .object({
    entrances: z.array(entrance).max(10).default([]),
    /** Floor of the office: 0 ground floor, negative basement; null = unknown. */
    floor: z.number().int().min(-5).max(60).nullable().default(null),
    elevator: z.object({ exists: triState.default('unknown'), working: triState.default('unknown') }).strict().default({ exists: 'unknown', working: 'unknown' }),
    accessibleToilet: triState.default('unknown'),
    signage: z
      .object({ atEntrance: triState.default('unknown'), pictograms: triState.default('unknown'), tactile: triState.default('unknown') })
      .strict()
      .default({ atEntrance: 'unknown', pictograms: 'unknown', tactile: 'unknown' }),
    hearingLoop: triState.default('unknown'),
    quietRoom: triState.default('unknown'),
  })
  .strict();
export type OfficeAccessibility = z.infer<typeof officeAccessibility>;

export const rating = z.enum(['good', 'fair', 'poor']);
/** The coordinator's entries for the scorecard; photos are uploaded apart (POST /api/offices/{id}/evidence). */
export const siteAssessment = z
  .object({
    footpaths: z.object({ rating, note: z.string().max(2000).default('') }).strict().nullable().default(null),
    signage: z.object({ rating, note: z.string().max(2000).default('') }).strict().nullable().default(null),
    position: z.object({ rating, note: z.string().max(2000).default('') }).strict().nullable().default(null),
  })
  .strict();
export type SiteAssessment = z.infer<typeof siteAssessment>;

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');

export const openingHoursRule = z
  .object({ weekday: z.number().int().min(1).max(7), opens: hhmm, closes: hhmm, kind: z.enum(['open', 'walk_in']).default('open') })
  .strict()
  .refine((r) => r.closes > r.opens, { message: 'closes after opens', path: ['closes'] });

export const hoursException = z
  .object({ date: isoDate, closed: z.boolean(), opens: hhmm.nullable().default(null), closes: hhmm.nullable().default(null), note: z.string().max(500).default('') })
  .strict()
  .refine((e) => (e.closed ? e.opens === null && e.closes === null : e.opens !== null && e.closes !== null && e.closes > e.opens), {
    message: 'closed, or opens before closes',
    path: ['closes'],
  });

const language = z.string().regex(/^[a-z]{2}$/, 'ISO 639-1');

const address = z.object({ street: z.string().trim().min(1).max(200), houseNumber: z.string().trim().min(1).max(20), postcode: z.string().regex(/^\d{5}$/), city: z.string().trim().min(1).max(100) }).strict();
const point = z.object({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) }).strict();
const contact = z.object({ phone: z.string().max(60).default(''), email: z.union([z.email(), z.literal('')]).default(''), web: z.union([z.url(), z.literal('')]).default('') }).strict();

const catalogCode = z.string().trim().min(1).max(60);
/**
 * Services the office offers, as catalog codes (GET /api/service-blocks, GET /api/integration-areas):
 * the service blocks held there and the integration areas it counsels in. Unknown codes are refused
 * with a field error (`services.blocks.<i>` / `services.areas.<i>`); duplicates count once.
 */
export const officeServices = z
  .object({ blocks: z.array(catalogCode).max(20).default([]), areas: z.array(catalogCode).max(40).default([]) })
  .strict();
export type OfficeServices = z.infer<typeof officeServices>;

export const createOffice = z
  .object({
    name: z.string().trim().min(1).max(200),
    regionCode: z.string().min(1).max(60),
    /** The provider; a provider_admin may leave it out (their own organisation). */
    providerId: z.uuid().optional(),
    address,
    point,
    contact: contact.default({ phone: '', email: '', web: '' }),
    languages: z.array(language).max(40).default([]),
    openingHours: z.array(openingHoursRule).max(70).default([]),
    exceptions: z.array(hoursException).max(400).default([]),
    accessibility: officeAccessibility.optional(),
    services: officeServices.default({ blocks: [], areas: [] }),
    validFrom: isoDate,
    validTo: isoDate.nullable().default(null),
  })
  .strict();

export const updateOffice = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    address: address.optional(),
    point: point.optional(),
    contact: contact.optional(),
    languages: z.array(language).max(40).optional(),
    openingHours: z.array(openingHoursRule).max(70).optional(),
    exceptions: z.array(hoursException).max(400).optional(),
    accessibility: officeAccessibility.optional(),
    /** Replaces the office's services when given. */
    services: officeServices.optional(),
    validTo: isoDate.nullable().optional(),
  })
  .strict();

export const officesQuery = z.object({ at: isoDate.optional(), region: z.string().max(60).optional() }).strict();

const ref = z.object({ code: z.string(), name: z.string() });

export const officeSummary = z.object({
  id: z.uuid(),
  name: z.string(),
  region: ref,
  provider: z.object({ id: z.uuid(), name: z.string() }),
  address: z.object({ street: z.string(), houseNumber: z.string(), postcode: z.string(), city: z.string() }),
  point: z.object({ lat: z.number(), lon: z.number() }),
  contact: z.object({ phone: z.string(), email: z.string(), web: z.string() }),
  languages: z.array(z.string()),
  openingHours: z.array(z.object({ weekday: z.number().int(), opens: z.string(), closes: z.string(), kind: z.enum(['open', 'walk_in']) })),
  /** Catalog codes in catalog order; labels from GET /api/service-blocks and /api/integration-areas. */
  services: z.object({ blocks: z.array(z.string()), areas: z.array(z.string()) }),
  validFrom: isoDate,
  validTo: isoDate.nullable(),
  /** The catalogue's actions (contracts/actions.ts) the caller may take on this office; anonymous: none. */
  permittedActions: z.array(action),
});
export type OfficeSummary = z.infer<typeof officeSummary>;
export const officeList = z.array(officeSummary);

export const light = z.enum(['green', 'amber', 'red', 'unknown']);
export const criterionKey = z.enum(['transit', 'footpaths', 'signage', 'position', 'barrierFree', 'openingHours', 'appointments', 'centrality']);

/** A photo of the site assessment: staff fetch it from GET /api/offices/{id}/evidence/{photoId}. */
export const evidenceCriterion = z.enum(['footpaths', 'signage', 'position']);
export const evidencePhoto = z.object({
  id: z.uuid(),
  criterion: evidenceCriterion,
  contentType: z.enum(['image/jpeg', 'image/png', 'image/webp']),
  width: z.number().int(),
  height: z.number().int(),
  uploadedAt: z.string(),
});
export type EvidencePhoto = z.infer<typeof evidencePhoto>;
/** Upload as JSON: the file's bytes in base64 (a `data:` URL prefix is allowed); JPEG, PNG or WebP up to 3 MB. */
export const uploadEvidencePhoto = z.object({ criterion: evidenceCriterion, data: z.string().min(1) }).strict();
export const evidencePhotoParams = z.object({ id: z.uuid(), photoId: z.uuid() }).strict();

export const scorecardCriterion = z.object({
  criterion: criterionKey,
  light,
  /** Photos of the site assessment (footpaths, signage, position), oldest first. */
  photos: z.array(evidencePhoto).optional(),
  /** Figures behind the light; keys are stable, for translation in the UI. */
  evidence: z.record(z.string(), z.union([z.number(), z.string(), z.boolean(), z.null()])),
  /** Message key explaining the light (`offices.scorecard.notes.<key>`). */
  noteKey: z.string(),
  note: z.string(),
});
export const scorecard = z.object({ officeId: z.uuid(), at: isoDate, criteria: z.array(scorecardCriterion) });

export const nearbyStop = z.object({
  stopId: z.string(),
  name: z.string(),
  lines: z.array(z.string()),
  point: z.object({ lat: z.number(), lon: z.number() }),
  straightMetres: z.number(),
  walkingMetres: z.number(),
  walkingMinutes: z.number(),
  /** Average departures per hour during the office's opening hours; null without timetables. */
  departuresPerHour: z.number().nullable(),
});

export const daySchedule = z.object({
  date: isoDate,
  weekday: z.number().int(),
  source: z.enum(['regular', 'exception', 'holiday']),
  holiday: z.string().nullable(),
  note: z.string(),
  intervals: z.array(z.object({ opens: z.string(), closes: z.string(), kind: z.enum(['open', 'walk_in']) })),
});

export const officeDetail = officeSummary.extend({
  accessibility: officeAccessibility,
  siteAssessment,
  exceptions: z.array(z.object({ date: isoDate, closed: z.boolean(), opens: z.string().nullable(), closes: z.string().nullable(), note: z.string() })),
  nextDays: z.array(daySchedule),
  week: z.object({ hoursPerWeek: z.number(), afterWorkHours: z.number(), afterWorkDays: z.number(), daysOpen: z.number() }),
  nearestStops: z.array(nearbyStop),
  scorecard: z.array(z.object({ criterion: criterionKey, light })),
  predecessorId: z.uuid().nullable(),
});
export type OfficeDetail = z.infer<typeof officeDetail>;

export const officeIdParams = z.object({ id: z.uuid() }).strict();

/** Moves the office to a new address from a date on: the current row ends, a new one begins (history kept). */
export const moveOffice = z.object({ validFrom: isoDate, address, point, regionCode: z.string().min(1).max(60).optional() }).strict();
