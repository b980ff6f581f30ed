import type { z } from 'zod';
import type * as audit from '#contracts/audit.ts';
import type * as calls from '#contracts/calls.ts';
import type * as identity from '#contracts/identity.ts';
import type * as organisations from '#contracts/organisations.ts';
import type * as regions from '#contracts/regions.ts';

/** API shapes, derived from the zod contracts: responses as the server sends them, bodies as we send them. */
export type Organisation = z.infer<typeof organisations.organisation>;
export type CreateOrganisation = z.input<typeof organisations.createOrganisationBody>;
export type UpdateOrganisation = z.input<typeof organisations.updateOrganisationBody>;
export type Account = z.infer<typeof identity.account>;
export type CreateAccount = z.input<typeof identity.createAccountBody>;
export type UpdateAccount = z.input<typeof identity.updateAccountBody>;
export type RoleName = z.infer<typeof identity.role>;
export type Region = z.infer<typeof regions.region>;
export type Quarter = z.infer<typeof regions.quarter>;
export type CreateRegion = z.input<typeof regions.createRegion>;
export type UpdateRegion = z.input<typeof regions.updateRegion>;
export type MoveMember = z.input<typeof regions.moveMember>;
export type MembershipHistory = z.infer<typeof regions.membershipHistory>;
export type ServiceAgreement = z.infer<typeof calls.serviceAgreement>;
export type CreateServiceAgreement = z.input<typeof calls.createServiceAgreement>;
export type UpdateServiceAgreement = z.input<typeof calls.updateServiceAgreement>;
export type AuditPage = z.infer<typeof audit.auditPage>;
export type AuditEntry = z.infer<typeof audit.auditEntry>;
export type ChangePassword = z.input<typeof identity.changePasswordBody>;
