/**
 * What other modules may call of regions (regions, members, quarters, geodata). A module reads
 * another's data only through that module's public file, never its tables or queries.
 */
export { labelsOfRegionMembers, labelsOfRegions } from './labels.queries.ts';
export { canEditReferenceData, referenceDataScope } from './regions.policy.ts';
/** Where a quarter (or member) lies on a date: quarter → member → region (households of case work). */
export { placeOf } from './geo.service.ts';
/** A region by its code (a household whose quarter is not known is placed by the region chosen from the list). */
export { findRegion as regionByCode } from './regions.queries.ts';

// Regions, members and the street directory: the public pages and other modules read them here.
export { listRegions } from './regions.service.ts';
export { importStreetDirectory, locateAddress } from './street-directory.service.ts';
export { splitHouseNumber } from './street-directory.normalise.ts';
export { findRegion, regionsByIds } from './regions.queries.ts';
export { boundaryUnitsOfRegion } from './geo.queries.ts';
export { populationAt } from './population.queries.ts';

// The command line.
export { importBoundariesFromCli, importPopulationFromCli, importStreetsFromCli } from './geo.cli.ts';

// The reference-data seed (server/seed/reference.ts), in its transaction.
export { dresden, type ReferenceData } from './reference/dresden.ts';
export { countRegions, insertMember, insertMembership, insertQuarter, insertQuarterMembership, insertRegion } from './regions.queries.ts';
