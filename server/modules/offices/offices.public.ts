/**
 * What other modules may call of offices (integration offices). A module reads another's data only
 * through that module's public file, never its tables or queries.
 */
export { labelsOfOffices } from './labels.queries.ts';

/** The office's provider (offices are public information), or null: the tenant scope of its bookings. */
export { officeProviderId } from './offices.queries.ts';
export type { LeadTimeSource } from './scorecard.service.ts';
/** An office as the record of a catalogue action (its provider and region), and what an actor may do with it. */
export { officePermittedActions, officeRecord } from './offices.policy.ts';
export type { AppointmentLeadTime } from './scorecard.ts';

// The public office pages and the staff app read offices through the same use cases.
export { getOffice, listOffices } from './offices.service.ts';

// The appointments module computes slots from an office's hours, in its own transaction.
export { exceptionsOf, hoursOf, officeIdsOfProvider } from './offices.queries.ts';
export { findOffice, type OfficeRow } from './office-rows.ts';
export { addDays, isoWeekday } from './holidays.ts';
export { hhmm, openingAt, type OfficeHours } from './hours.ts';

// The command line and the demo seed.
export { GtfsError, importGtfs } from './gtfs.import.ts';
export { seedDemoOffices } from './offices.demo.ts';
