/**
 * What other modules may call of the network (the provider's partners per region). A module reads
 * another's data only through that module's public file, never its tables or queries.
 */
export { partnerForReferral, partnersForReferral, partnersOfRegion } from './partners.lookup.ts';
export type { PartnerFacts } from './partners.lookup.ts';
/** Demo content: every region's provider's partners in its region (in the demo seed's transaction). */
export { seedDemoPartners } from './demo.partners.ts';
