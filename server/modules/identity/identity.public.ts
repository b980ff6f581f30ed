/**
 * What other modules may call of identity (accounts, organisations, sessions). A module reads
 * another's data only through that module's public file, never its tables or queries.
 */
export { accountChoices, labelsOfAccounts, labelsOfOrganisations } from './labels.queries.ts';
