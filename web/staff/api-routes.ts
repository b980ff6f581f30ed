import { z } from 'zod';
import * as appointments from '#contracts/appointments.ts';
import * as assessments from '#contracts/assessments.ts';
import * as audit from '#contracts/audit.ts';
import * as calls from '#contracts/calls.ts';
import * as cases from '#contracts/cases.ts';
import * as caseWork from '#contracts/case-work.ts';
import * as catalog from '#contracts/catalog.ts';
import * as consents from '#contracts/consents.ts';
import * as specialist from '#contracts/specialist-requests.ts';
import * as network from '#contracts/network.ts';
import * as referrals from '#contracts/referrals.ts';
import * as geo from '#contracts/geo.ts';
import * as identity from '#contracts/identity.ts';
import * as letters from '#contracts/letters.ts';
import * as offices from '#contracts/offices.ts';
import * as organisations from '#contracts/organisations.ts';
import * as plans from '#contracts/plans.ts';
import * as regions from '#contracts/regions.ts';
import * as retention from '#contracts/retention.ts';
import * as subjectAccess from '#contracts/subject-access.ts';
import * as transfers from '#contracts/transfers.ts';

/** What a route sends and answers: the contract's schemas; `response: null` for 204 No Content. */
export interface RouteSpec {
  response: z.ZodType | null;
  body?: z.ZodType;
  query?: z.ZodType;
}

/** The answer of routes that create a record and name only its id. */
const created = z.object({ id: z.uuid() });

/**
 * Every API route the staff app calls, "METHOD /path/:param" → the contract's schemas. The client
 * (api.ts) takes its types from here and parses each answer with the response schema; a test
 * (api-routes.test.ts) checks that the server has each of these routes.
 */
export const API_ROUTES = {
  // identity: session, own account
  'GET /api/auth/me': { response: identity.me },
  'POST /api/auth/login': { response: identity.loginResult, body: identity.loginBody },
  'POST /api/auth/logout': { response: null },
  'POST /api/auth/logout-everywhere': { response: identity.logoutEverywhereResult },
  'PUT /api/auth/me/preferences': { response: identity.preferences, body: identity.preferences },
  'POST /api/auth/password': { response: identity.changePasswordResult, body: identity.changePasswordBody },
  'POST /api/auth/password-reset': { response: identity.accepted, body: identity.passwordResetBody },
  'POST /api/auth/password-reset/confirm': { response: null, body: identity.passwordResetConfirmBody },
  'POST /api/auth/totp/setup': { response: identity.totpSetupResult },
  'POST /api/auth/totp/enable': { response: null, body: identity.totpCodeBody },
  'POST /api/auth/totp/verify': { response: null, body: identity.totpCodeBody },
  'DELETE /api/auth/totp': { response: null, body: identity.totpDisableBody },
  'GET /api/auth/oidc': { response: identity.oidcInfo },

  // identity: organisations and accounts
  'GET /api/organisations': { response: organisations.organisationList, query: organisations.organisationListQuery },
  'POST /api/organisations': { response: organisations.organisation, body: organisations.createOrganisationBody },
  'PATCH /api/organisations/:id': { response: organisations.organisation, body: organisations.updateOrganisationBody },
  'GET /api/accounts': { response: identity.accountList, query: identity.accountListQuery },
  'POST /api/accounts': { response: identity.account, body: identity.createAccountBody },
  'PATCH /api/accounts/:id': { response: identity.account, body: identity.updateAccountBody },
  'POST /api/accounts/:id/totp-reset': { response: identity.account },

  // agreements and catalog
  'GET /api/service-agreements': { response: calls.serviceAgreementList },
  'POST /api/service-agreements': { response: calls.serviceAgreement, body: calls.createServiceAgreement },
  'PATCH /api/service-agreements/:id': { response: calls.serviceAgreement, body: calls.updateServiceAgreement },
  'GET /api/service-blocks': { response: catalog.serviceBlockList },
  'GET /api/integration-areas': { response: catalog.integrationAreaList },
  'GET /api/catalog/current': { response: catalog.catalogVersion },
  'GET /api/catalog/versions': { response: catalog.catalogVersionList },
  'GET /api/catalog/versions/:id': { response: catalog.catalogVersion },
  'POST /api/catalog/versions': { response: catalog.catalogVersion, body: catalog.createCatalogDraft },
  'PATCH /api/catalog/versions/:id': { response: catalog.catalogVersion, body: catalog.updateCatalogDraft },
  'POST /api/catalog/versions/:id/services': { response: catalog.catalogService, body: catalog.createCatalogService },
  'PATCH /api/catalog/versions/:id/services/:serviceId': { response: catalog.catalogService, body: catalog.updateCatalogService },
  'POST /api/catalog/versions/:id/publish': { response: catalog.catalogVersion, body: catalog.publishCatalogDraft },

  // case work: households, people, case files
  'GET /api/residence-statuses': { response: cases.residenceStatusList },
  'POST /api/people/search': { response: cases.searchResult, body: cases.personSearchBody },
  'GET /api/households': { response: cases.householdList },
  'POST /api/households': { response: cases.household, body: cases.createHouseholdBody },
  'GET /api/households/:id': { response: cases.household },

  // needs assessments and the household at a glance
  'GET /api/households/:id/glance': { response: assessments.householdGlance },
  'GET /api/households/:id/assessments': { response: assessments.assessmentList, query: assessments.assessmentListQuery },
  'POST /api/households/:id/assessments': { response: assessments.assessment, body: assessments.createAssessmentBody },
  'PATCH /api/assessments/:id': { response: assessments.assessment, body: assessments.updateAssessmentBody },

  // service entries
  'GET /api/households/:id/service-entries': { response: caseWork.serviceEntryList, query: caseWork.serviceEntryListQuery },
  'POST /api/households/:id/service-entries': { response: caseWork.serviceEntry, body: caseWork.createServiceEntryBody },
  'PATCH /api/service-entries/:id': { response: caseWork.serviceEntry, body: caseWork.updateServiceEntryBody },

  // consents of a household's people
  'GET /api/households/:id/consents': { response: consents.consentList },
  'POST /api/households/:id/consents': { response: consents.consent, body: consents.recordConsentBody },
  'POST /api/consents/:id/withdraw': { response: consents.consent, body: consents.withdrawConsentBody },
  // the person's rights: erasure on request (the exports are downloads, linked)
  'POST /api/people/:id/erase': { response: subjectAccess.erasureResult, body: subjectAccess.erasePersonBody },
  // retention: the closed case files due for erasure (a dry run), and erasing them now
  'GET /api/retention': { response: retention.retentionReview },
  'POST /api/retention/erase': { response: retention.retentionEraseResult, body: retention.retentionEraseBody },

  // Fachleistung requests: the provider's on the household page, the city's coordinators' review and decision
  'GET /api/households/:id/specialist-requests': { response: specialist.specialistRequestList },
  'POST /api/households/:id/specialist-requests': { response: specialist.specialistRequest, body: specialist.applySpecialistBody },
  'POST /api/specialist-requests/:id/submit': { response: specialist.specialistRequest, body: specialist.submitSpecialistBody },
  'GET /api/specialist-requests': { response: specialist.cityRequestList, query: specialist.cityRequestQuery },
  'POST /api/specialist-requests/:id/decide': { response: specialist.cityRequest, body: specialist.decideSpecialistBody },
  'GET /api/specialist-settings': { response: specialist.specialistSetting },
  'PUT /api/specialist-settings': { response: specialist.specialistSetting, body: specialist.specialistSettingBody },

  // referrals of a household's people to partners, and the provider's partners per region
  'GET /api/households/:id/referrals': { response: referrals.referralList },
  'POST /api/households/:id/referrals': { response: referrals.referral, body: referrals.createReferralBody },
  'PATCH /api/referrals/:id': { response: referrals.referral, body: referrals.updateReferralBody },
  'GET /api/partners': { response: network.partnerList, query: network.partnersQuery },
  'POST /api/partners': { response: network.partner, body: network.createPartnerBody },
  'PATCH /api/partners/:id': { response: network.partner, body: network.updatePartnerBody },

  // transfers of a household to another region's provider: preview and start (sender), read, accept or decline (receiver)
  'GET /api/households/:id/transfer-preview': { response: transfers.transferPreview, query: transfers.transferPreviewQuery },
  'POST /api/households/:id/transfers': { response: transfers.transfer, body: transfers.startTransferBody },
  'GET /api/transfers': { response: transfers.transferList, query: transfers.transferListQuery },
  'GET /api/transfers/:id': { response: transfers.transfer },
  'POST /api/transfers/:id/accept': { response: transfers.transfer, body: transfers.acceptTransferBody },
  'POST /api/transfers/:id/decline': { response: transfers.transfer, body: transfers.declineTransferBody },

  // letters and their deadlines (the file itself is downloaded by its link)
  'GET /api/households/:id/letters': { response: letters.letterList },
  'POST /api/households/:id/letters': { response: letters.letter, body: letters.uploadLetterBody },
  'PATCH /api/letters/:id': { response: letters.letter, body: letters.editLetterBody },

  // quick contacts at an office (open consultation, anonymous)
  'GET /api/offices/:id/quick-contacts': { response: caseWork.quickContactList, query: caseWork.quickContactListQuery },
  'POST /api/offices/:id/quick-contacts': { response: caseWork.quickContact, body: caseWork.createQuickContactBody },

  // support plans and the worklist
  'GET /api/households/:id/plan': { response: plans.planView },
  'PUT /api/households/:id/plan': { response: plans.plan, body: plans.savePlanBody },
  'POST /api/households/:id/plan/review': { response: plans.plan, body: plans.reviewPlanBody },
  'GET /api/worklist': { response: plans.worklist },
  'GET /api/worklist/team': { response: plans.worklist, query: plans.teamWorklistQuery },

  // regions and geodata
  'GET /api/regions': { response: regions.regionList, query: regions.regionsQuery },
  'POST /api/regions': { response: regions.region, body: regions.createRegion },
  'PATCH /api/regions/:code': { response: null, body: regions.updateRegion },
  'GET /api/quarters': { response: regions.quarterList, query: regions.regionsQuery },
  'GET /api/region-members/:code/memberships': { response: regions.membershipHistory },
  'PUT /api/region-members/:code/region': { response: regions.membershipHistory, body: regions.moveMember },
  'GET /api/regions/locate': { response: geo.place, query: geo.locateQuery },
  'GET /api/regions/locate-address': { response: geo.place, query: geo.locateAddressQuery },
  'GET /api/geo/imports': { response: geo.boundarySetList },
  'POST /api/geo/imports': { response: geo.boundaryImportResult, body: geo.createBoundaryImport },
  'POST /api/geo/street-imports': { response: geo.streetImportResult, body: geo.createStreetImport },

  // offices
  'GET /api/offices': { response: offices.officeList, query: offices.officesQuery },
  'GET /api/offices/:id': { response: offices.officeDetail },
  'PATCH /api/offices/:id': { response: null, body: offices.updateOffice },
  'POST /api/offices/:id/move': { response: created, body: offices.moveOffice },
  'GET /api/offices/:id/scorecard': { response: offices.scorecard },
  'PUT /api/offices/:id/site-assessment': { response: null, body: offices.siteAssessment },
  'POST /api/offices/:id/evidence': { response: offices.evidencePhoto, body: offices.uploadEvidencePhoto },
  'DELETE /api/offices/:id/evidence/:photoId': { response: null },

  // appointments
  'GET /api/offices/:id/appointment-setup': { response: appointments.appointmentSetup },
  'POST /api/offices/:id/appointment-types': { response: appointments.appointmentType, body: appointments.appointmentTypeBody },
  'PATCH /api/appointment-types/:id': { response: appointments.appointmentType, body: appointments.appointmentTypeUpdate },
  'POST /api/offices/:id/appointment-resources': { response: created, body: appointments.resourceBody },
  'PATCH /api/appointment-resources/:id': { response: null, body: appointments.resourceUpdate },
  'PUT /api/offices/:id/appointment-closures': { response: null, body: appointments.closuresBody },
  'GET /api/offices/:id/slots': { response: appointments.slotsResponse, query: appointments.slotsQuery },
  'GET /api/offices/:id/calendar': { response: appointments.calendar, query: appointments.calendarQuery },
  'POST /api/offices/:id/appointments': { response: appointments.staffBookingResponse, body: appointments.staffBookingBody },
  'GET /api/households/:id/appointments': { response: appointments.householdAppointments, query: appointments.householdAppointmentsQuery },
  'POST /api/offices/:id/appointments/:appointmentId/mark': { response: appointments.markResponse, body: appointments.markBody },
  'POST /api/offices/:id/appointments/:appointmentId/cancel': { response: appointments.staffChangeResponse },
  'POST /api/offices/:id/appointments/:appointmentId/move': { response: appointments.staffChangeResponse, body: appointments.staffMoveBody },
  'GET /api/offices/:id/lead-times': { response: appointments.leadTimes, query: appointments.leadTimesQuery },

  // audit
  'GET /api/audit': { response: audit.auditPage, query: audit.auditQuery },
  'GET /api/audit/filter-options': { response: audit.auditFilterOptions },
  'GET /api/security-events': { response: audit.securityEventPage, query: audit.securityEventsQuery },
} as const satisfies Record<string, RouteSpec>;

export type ApiRoute = keyof typeof API_ROUTES;
