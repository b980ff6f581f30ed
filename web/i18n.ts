import i18next, { type i18n as I18n } from 'i18next';
import ICU from 'i18next-icu';
import { initReactI18next } from 'react-i18next';
import deStaff from '#locales/de/staff.json';
import enStaff from '#locales/en/staff.json';
import deCatalog from '#locales/de/catalog.json';
import enCatalog from '#locales/en/catalog.json';
import deCases from '#locales/de/cases.json';
import enCases from '#locales/en/cases.json';
import dePlans from '#locales/de/plans.json';
import enPlans from '#locales/en/plans.json';
import deEntries from '#locales/de/entries.json';
import enEntries from '#locales/en/entries.json';
import deConsents from '#locales/de/consents.json';
import enConsents from '#locales/en/consents.json';
import dePrivacy from '#locales/de/privacy.json';
import enPrivacy from '#locales/en/privacy.json';
import deTransfers from '#locales/de/transfers.json';
import enTransfers from '#locales/en/transfers.json';
import deReferrals from '#locales/de/referrals.json';
import enReferrals from '#locales/en/referrals.json';
import deNetwork from '#locales/de/network.json';
import enNetwork from '#locales/en/network.json';
import deAppointments from '#locales/de/appointments.json';
import enAppointments from '#locales/en/appointments.json';
import deLetters from '#locales/de/letters.json';
import enLetters from '#locales/en/letters.json';

/** Languages of the staff app; German is the source. */
export const STAFF_LANGUAGES = ['de', 'en'] as const;
export type StaffLanguage = (typeof STAFF_LANGUAGES)[number];

export function isStaffLanguage(value: unknown): value is StaffLanguage {
  return STAFF_LANGUAGES.includes(value as StaffLanguage);
}

const STORAGE_KEY = 'lotse.staff.language';

/** The language before anyone logged in: the last choice on this device, else German. */
function initialLanguage(): StaffLanguage {
  if (typeof window === 'undefined') return 'de';
  const stored = window.localStorage.getItem(STORAGE_KEY);
  return isStaffLanguage(stored) ? stored : 'de';
}

/** Client i18n for the staff app (namespace `staff`, ICU messages); keeps <html lang> in step. */
export function createStaffI18n(): I18n {
  const instance = i18next.createInstance();
  void instance
    .use(ICU)
    .use(initReactI18next)
    .init({
      initAsync: false,
      resources: { de: { staff: deStaff, catalog: deCatalog, cases: deCases, plans: dePlans, entries: deEntries, consents: deConsents, referrals: deReferrals, network: deNetwork, appointments: deAppointments, letters: deLetters, privacy: dePrivacy, transfers: deTransfers }, en: { staff: enStaff, catalog: enCatalog, cases: enCases, plans: enPlans, entries: enEntries, consents: enConsents, referrals: enReferrals, network: enNetwork, appointments: enAppointments, letters: enLetters, privacy: enPrivacy, transfers: enTransfers } },
      lng: initialLanguage(),
      fallbackLng: 'de',
      supportedLngs: [...STAFF_LANGUAGES],
      ns: ['staff', 'catalog', 'cases', 'plans', 'entries', 'consents', 'referrals', 'network', 'appointments', 'letters', 'privacy', 'transfers'],
      defaultNS: 'staff',
      interpolation: { escapeValue: false },
      returnNull: false,
    });
  const sync = (language: string) => {
    if (typeof document !== 'undefined') document.documentElement.lang = language;
    if (typeof window !== 'undefined' && isStaffLanguage(language)) window.localStorage.setItem(STORAGE_KEY, language);
  };
  sync(instance.language);
  instance.on('languageChanged', sync);
  return instance;
}
