/**
 * What other modules may call of regions (regions, members, quarters, geodata). A module reads
 * another's data only through that module's public file, never its tables or queries.
 */
export { labelsOfRegionMembers, labelsOfRegions } from './labels.queries.ts';
