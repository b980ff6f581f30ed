/**
 * The city's contact data shown on the legal pages. These are EXAMPLE values: the city replaces
 * them before going live (names, addresses, e-mail, telephone). Proper names and addresses are not
 * translated; the pages mark them as German (lang="de").
 */
export interface Contact {
  name: string;
  lines: string[];
  email?: string;
  phone?: string;
}

export const SITE = {
  /** Who runs the pages (Impressum, § 5 DDG / § 18 MStV). */
  publisher: {
    name: 'Landeshauptstadt Dresden, Sozialamt',
    lines: ['Abteilung Migration und Integration', 'Postfach 12 00 20', '01001 Dresden'],
    email: 'migrationssozialarbeit@lotse.example',
    phone: '+49 351 000000-0',
  },
  /** Behördliche Datenschutzbeauftragte (Art. 37 DSGVO). */
  dataProtectionOfficer: {
    name: 'Behördliche Datenschutzbeauftragte der Landeshauptstadt',
    lines: ['Postfach 12 00 20', '01001 Dresden'],
    email: 'datenschutz@lotse.example',
    phone: '+49 351 000000-1',
  },
  /** Supervisory authority for data protection (Art. 77 DSGVO). */
  supervisoryAuthority: {
    name: 'Sächsische Datenschutz- und Transparenzbeauftragte',
    lines: ['Devrientstraße 5', '01067 Dresden'],
  },
  /** Feedback on accessibility (§ 12b BGG, BITV 2.0 § 7). */
  accessibilityFeedback: {
    name: 'Landeshauptstadt Dresden, Sozialamt – Barrierefreiheit',
    lines: ['Postfach 12 00 20', '01001 Dresden'],
    email: 'barrierefreiheit@lotse.example',
    phone: '+49 351 000000-2',
  },
  /** Enforcement procedure (Durchsetzungsverfahren) for public bodies of Saxony. */
  enforcementBody: {
    name: 'Beauftragter der Sächsischen Staatsregierung für die Belange von Menschen mit Behinderungen – Durchsetzungsstelle',
    lines: ['Albertstraße 10', '01097 Dresden'],
    email: 'durchsetzungsstelle@lotse.example',
    phone: '+49 351 000000-3',
  },
  /** Date of the accessibility self-assessment (ISO date). */
  accessibilityReviewedOn: '2026-11-25',
} satisfies Record<string, Contact | string>;

/** True while the contact data above are still the shipped example values. */
export const EXAMPLE_CONTACTS = SITE.publisher.email.endsWith('.example');
