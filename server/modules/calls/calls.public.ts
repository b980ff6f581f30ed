/**
 * What other modules may call of calls and agreements (service agreements). A module reads
 * another's data only through that module's public file, never its tables or queries.
 */
export { labelsOfServiceAgreements } from './labels.queries.ts';
/** Where a provider works: the regions of its service agreements in force on or after a date (region assignment of its staff). */
export { agreementRegionCodesOf } from './agreements.ts';
/** Transfers: the provider holding each region's service agreement on a day. */
export { providersOfRegionsOn } from './agreements.ts';

// Service agreements: the public pages list them; offices check that a provider holds a region's.
export { listServiceAgreements } from './calls.service.ts';
export { holdsAgreement } from './calls.queries.ts';

// The demo seed, in its transaction.
export { insertServiceAgreement } from './calls.queries.ts';
