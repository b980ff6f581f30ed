/**
 * What other modules may call of calls and agreements (service agreements). A module reads
 * another's data only through that module's public file, never its tables or queries.
 */
export { labelsOfServiceAgreements } from './labels.queries.ts';
