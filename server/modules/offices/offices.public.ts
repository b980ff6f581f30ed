/**
 * What other modules may call of offices (integration offices). A module reads another's data only
 * through that module's public file, never its tables or queries.
 */
export { labelsOfOffices } from './labels.queries.ts';
