/**
 * The example service catalog Lotse ships (Beispielkatalog): a few services per integration area and
 * building block, so case work can be documented from the first day. Seeded as published version 1
 * into a database without a catalog; the city replaces it with its own by publishing a new version.
 */
export interface DefaultService {
  code: string;
  area: string;
  block: 'basic' | 'open_consultation' | 'specialist';
  counting: 'contacts' | 'minutes';
  name: { de: string; en: string };
  description?: { de: string; en: string };
}

export const DEFAULT_CATALOG_LABEL = 'Beispielkatalog (von Lotse mitgeliefert)';

const basic = (code: string, area: string, de: string, en: string, description?: { de: string; en: string }): DefaultService => ({
  code, area, block: 'basic', counting: 'minutes', name: { de, en }, ...(description ? { description } : {}),
});
const open = (code: string, area: string, de: string, en: string): DefaultService => ({ code, area, block: 'open_consultation', counting: 'contacts', name: { de, en } });
const specialist = (code: string, area: string, de: string, en: string, description?: { de: string; en: string }): DefaultService => ({
  code, area, block: 'specialist', counting: 'minutes', name: { de, en }, ...(description ? { description } : {}),
});

export const DEFAULT_CATALOG: readonly DefaultService[] = [
  basic('values.orientation', 'values', 'Orientierung im Alltag (Verkehr, Einkaufen, Mülltrennung)', 'Everyday orientation (transport, shopping, waste separation)'),
  basic('values.rights', 'values', 'Beratung zu Rechten und Pflichten', 'Counselling on rights and duties', {
    de: 'Grundwerte, Gleichberechtigung, Schulpflicht, Meldepflichten.',
    en: 'Basic values, equal rights, compulsory schooling, registration duties.',
  }),
  open('values.short', 'values', 'Kurzberatung Alltagsfragen', 'Short advice on everyday questions'),

  basic('material.benefits', 'material', 'Erstberatung Leistungsbezug (Jobcenter/Sozialamt)', 'First counselling on benefits (Jobcenter/social welfare office)', {
    de: 'Anspruch klären, Anträge vorbereiten, Unterlagen zusammenstellen.',
    en: 'Clarifying entitlement, preparing applications, gathering documents.',
  }),
  basic('material.authorities', 'material', 'Begleitung zu Behörden', 'Accompaniment to authorities'),
  basic('material.letters', 'material', 'Hilfe bei Anträgen und Bescheiden', 'Help with applications and official letters'),
  open('material.short', 'material', 'Kurzberatung zu Briefen und Bescheiden', 'Short advice on letters and notices'),
  specialist('material.debt', 'material', 'Schuldenregulierung und Haushaltsplanung', 'Debt settlement and household budgeting'),

  basic('language.course', 'language', 'Vermittlung Sprachkurs', 'Referral to a language course'),
  basic('language.integration-course', 'language', 'Beratung Integrationskurs (Berechtigung, Anmeldung)', 'Counselling on the integration course (entitlement, enrolment)'),
  open('language.short', 'language', 'Auskunft zu Sprachkursen', 'Information on language courses'),

  basic('social.activities', 'social', 'Vermittlung in Nachbarschafts- und Freizeitangebote', 'Referral to neighbourhood and leisure activities'),
  basic('social.volunteers', 'social', 'Vermittlung von Patenschaften und Ehrenamtlichen', 'Matching with mentors and volunteers'),
  open('social.short', 'social', 'Kontakt im Quartier (Nachbarschaft, Ehrenamtliche)', 'Contact in the quarter (neighbours, volunteers)'),

  basic('work.kita-school', 'work', 'Kita-/Schulanmeldung', 'Kita and school enrolment'),
  basic('work.skills', 'work', 'Erfassung von Kompetenzen und Abschlüssen', 'Recording skills and qualifications'),
  basic('work.recognition', 'work', 'Beratung zur Anerkennung ausländischer Abschlüsse', 'Counselling on the recognition of foreign qualifications'),
  open('work.short', 'work', 'Kurzberatung Arbeit und Ausbildung', 'Short advice on work and training'),
  specialist('work.transition', 'work', 'Begleitung in Ausbildung und Arbeit', 'Accompaniment into training and work'),

  basic('health.doctor', 'health', 'Gesundheitsversorgung/Arztsuche', 'Health care / finding a doctor'),
  basic('health.insurance', 'health', 'Klärung der Krankenversicherung', 'Clarifying health insurance'),
  open('health.short', 'health', 'Kurzberatung Gesundheit', 'Short advice on health'),
  specialist('health.care', 'health', 'Begleitung bei Krankheit, Behinderung oder Pflegebedarf', 'Accompaniment with illness, disability or care needs'),

  basic('housing.search', 'housing', 'Wohnungssuche', 'Finding a flat', {
    de: 'Auszug aus der Gemeinschaftsunterkunft, Wohnberechtigung, Kontakt zu Vermietern.',
    en: 'Moving out of shared accommodation, housing eligibility, contact with landlords.',
  }),
  basic('housing.tenancy', 'housing', 'Beratung zu Mietverhältnis und Wohnen', 'Counselling on tenancy and living'),
  open('housing.short', 'housing', 'Kurzberatung Wohnen', 'Short advice on housing'),
  specialist('housing.eviction', 'housing', 'Abwendung von Wohnungsverlust', 'Preventing the loss of a home'),

  basic('crisis.intervention', 'crisis', 'Krisenintervention', 'Crisis intervention'),
  open('crisis.referral', 'crisis', 'Vermittlung an Beratungsstellen', 'Referral to counselling services'),
  specialist('crisis.support', 'crisis', 'Begleitung bei psychischer Belastung und Trauma', 'Support with mental strain and trauma'),

  basic('special.residence', 'special', 'Beratung zum Aufenthaltsstatus', 'Counselling on residence status'),
  basic('special.family', 'special', 'Beratung zum Familiennachzug', 'Counselling on family reunification'),
  open('special.short', 'special', 'Kurzberatung besondere Lebensumstände', 'Short advice on special circumstances'),
  specialist('special.complex', 'special', 'Begleitung in besonderen Lebenslagen (Alleinerziehende, Gewaltschutz)', 'Accompaniment in special circumstances (single parents, protection from violence)'),
];
