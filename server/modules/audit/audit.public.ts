/**
 * What other modules may call of audit (the audit log and the security log). A module reads
 * another's data only through that module's public file, never its tables or queries.
 */
export { recordAudit, recordSecurityEvent, verifyAuditLog, type AuditRecord, type SecurityEventKind } from './audit.service.ts';
/** Subject access (server/subject-access.ts): the audit entries naming a person or household, with account names. */
export { AUDIT_SUBJECT_ACCESS } from './subject-access.ts';
