/**
 * What other modules may call of case work (households, people, case files). A module reads
 * another's data only through that module's public file, never its tables or queries.
 */
export { seedResidenceStatuses } from './reference.ts';
