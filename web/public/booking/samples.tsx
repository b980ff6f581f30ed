import type { AppointmentDetails } from '#contracts/appointments.ts';
import type { OfficeDetail, OfficeSummary } from '#contracts/offices.ts';
import type { PublicLocale } from '../i18n.tsx';
import { renderDocument } from '../render.tsx';
import { CheckPage, DetailsPage } from './DetailsPages.tsx';
import { OfficePage } from './OfficePage.tsx';
import { OfficesPage } from './OfficesPage.tsx';
import { CancelPage, ConfirmationPage, ManagePage, ProblemPage, WaitlistDonePage } from './ResultPages.tsx';
import { LanguagePage, TopicPage } from './Steps.tsx';
import { TimesPage } from './TimesPage.tsx';

/**
 * Every office and booking page with sample data covering each branch (errors, notices, empty
 * lists), rendered for the CSS purge of the public assets build: a class no sample renders is dropped.
 */
const ID = '00000000-0000-4000-8000-000000000000';
const office: OfficeSummary = {
  id: ID,
  name: 'Büro',
  region: { code: 'x', name: 'X' },
  provider: { id: ID, name: 'Träger' },
  address: { street: 'Straße', houseNumber: '1', postcode: '01067', city: 'Dresden' },
  point: { lat: 51, lon: 13.7 },
  contact: { phone: '+49 351 1', email: 'a@b.example', web: 'https://b.example' },
  languages: ['de', 'ar'],
  openingHours: [],
  services: { blocks: ['basic', 'specialist'], areas: ['language'] },
  validFrom: '2020-01-01',
  validTo: null,
  permittedActions: [],
};
const detail: OfficeDetail = {
  ...office,
  accessibility: { entrances: [{ name: '', isMainEntrance: true, stepCount: 2, ramp: 'yes', automaticDoor: 'no', doorWidthCm: 90 }], floor: 1, elevator: { exists: 'yes', working: 'unknown' }, accessibleToilet: 'yes', signage: { atEntrance: 'no', pictograms: 'unknown', tactile: 'unknown' }, hearingLoop: 'unknown', quietRoom: 'no' },
  siteAssessment: { footpaths: null, signage: null, position: null },
  exceptions: [],
  nextDays: [
    { date: '2026-12-24', weekday: 4, source: 'exception', holiday: null, note: 'Heiligabend', intervals: [] },
    { date: '2026-12-25', weekday: 5, source: 'holiday', holiday: 'ersterWeihnachtstag', note: '', intervals: [] },
    { date: '2026-12-28', weekday: 1, source: 'regular', holiday: null, note: '', intervals: [{ opens: '09:00', closes: '12:00', kind: 'open' }, { opens: '13:00', closes: '15:00', kind: 'walk_in' }] },
  ],
  week: { hoursPerWeek: 20, afterWorkHours: 2, afterWorkDays: 1, daysOpen: 4 },
  nearestStops: [{ stopId: 's', name: 'Halt', lines: ['7'], point: { lat: 51, lon: 13.7 }, straightMetres: 100, walkingMetres: 130, walkingMinutes: 2, departuresPerHour: 6 }],
  scorecard: [],
  predecessorId: null,
};
const catalog = { blocks: [{ code: 'basic', names: { de: 'Grundleistung', en: 'Basic service' } }], areas: [{ code: 'language', names: { de: 'Sprache' } }] };
const appointment: AppointmentDetails = {
  code: 'ABCD2345',
  status: 'booked',
  start: '2026-12-01T09:00:00.000Z',
  end: '2026-12-01T09:45:00.000Z',
  language: 'ar',
  locale: 'ar',
  interpreter: true,
  office: { id: ID, name: 'Büro', street: 'Straße', houseNumber: '1', postcode: '01067', city: 'Dresden', phone: '+49 351 1', email: 'a@b.example' },
  type: { id: ID, kind: 'first_consultation', name: 'Erstberatung', durationMinutes: 45 },
  changeableUntil: '2026-11-30T09:00:00.000Z',
  changeable: true,
  emailGiven: true,
};
const err = [{ field: 'name', message: 'x' }];
const contact = { name: 'A', phone: '1', email: 'a@b.example' };
const state = { officeId: ID, officeName: 'Büro', type: ID, language: 'ar' };
const path = () => '/';

export function bookingSamples(lang: PublicLocale): string[] {
  const times = { officeName: 'Büro', action: '/', hidden: { a: 'b' }, back: '/', path, fromPath: path, laterFrom: '2026-12-02', earlierFrom: '2026-11-30', taken: true, errors: [{ field: 'start', message: 'x' }], language: 'ar', mode: 'book' as const };
  return [
    <OfficesPage key="a" lang={lang} data={{ offices: [office], members: [{ code: 'a', name: 'A', kind: 'district' }, { code: 'b', name: 'B', kind: 'locality' }], street: '', number: '', errors: err, result: { kind: 'notFound' } }} />,
    <OfficesPage key="b" lang={lang} data={{ offices: [office], members: [], street: 'S', number: '1', errors: [], result: { kind: 'found', via: 'address', region: { code: 'x', name: 'X' }, member: { name: 'A', kind: 'district' }, quarter: 'Q', offices: [] } }} />,
    <OfficePage key="c" lang={lang} office={detail} catalog={catalog} />,
    <OfficePage key="d" lang={lang} office={{ ...detail, nearestStops: [], services: { blocks: [], areas: [] } }} catalog={catalog} />,
    <TopicPage key="e" lang={lang} data={{ state, types: [{ id: ID, kind: 'follow_up', name: 'F', durationMinutes: 30, languages: [] }], walkIn: [{ date: '2026-12-01', opens: '09:00', closes: '12:00' }], errors: err }} />,
    <TopicPage key="f" lang={lang} data={{ state, types: [], walkIn: [], errors: [] }} />,
    <LanguagePage key="g" lang={lang} data={{ state, languages: ['de', 'ar'], errors: err }} />,
    <TimesPage key="h" lang={lang} data={{ ...times, days: [{ date: '2026-12-01', starts: ['2026-12-01T09:00:00.000Z'] }], waitlist: null }} />,
    <TimesPage key="i" lang={lang} data={{ ...times, days: [], waitlist: { action: '/', hidden: {}, contact, errors: err, until: '2026-12-31' } }} />,
    <DetailsPage key="j" lang={lang} data={{ officeName: 'Büro', action: '/', hidden: {}, back: '/', path, start: appointment.start, contact, errors: err }} />,
    <CheckPage key="k" lang={lang} data={{ officeName: 'Büro', officeAddress: 'Straße 1', typeLabel: 'T', language: 'ar', start: appointment.start, contact, hidden: {}, confirmAction: '/', change: { type: '/', language: '/', time: '/', detailsAction: '/' }, path, errors: err }} />,
    <ConfirmationPage key="l" lang={lang} a={appointment} token="t" />,
    <ManagePage key="m" lang={lang} a={appointment} token="t" notice="moved" />,
    <ManagePage key="n" lang={lang} a={{ ...appointment, status: 'cancelled' }} token="t" notice="cancelled" />,
    <ManagePage key="o" lang={lang} a={{ ...appointment, changeable: false }} token="t" notice={null} />,
    <CancelPage key="p" lang={lang} a={appointment} token="t" tooLate />,
    <WaitlistDonePage key="q" lang={lang} officeId={ID} officeName="Büro" until="2026-12-31" />,
    <ProblemPage key="r" lang={lang} problem="rateLimited" back="/" />,
  ].map((page) => renderDocument(lang, page));
}
