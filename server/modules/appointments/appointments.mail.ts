import type { Deps } from '#server/deps.ts';
import { translate } from '#server/i18n.ts';
import { TIME_ZONE } from '#server/time.ts';

/**
 * Mails to the booker in their language (namespace `appointments-mail`, all six public languages).
 * A mail that cannot be sent does not undo the booking: it is logged (ids only) and the
 * confirmation page shows the same code and link.
 */

interface OfficeLine {
  name: string;
  street: string;
  houseNumber: string;
  postcode: string;
  city: string;
}

export function formatWhen(locale: string, start: Date): string {
  return new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, dateStyle: 'full', timeStyle: 'short' }).format(start);
}

const place = (o: OfficeLine): string => `${o.name}, ${o.street} ${o.houseNumber}, ${o.postcode} ${o.city}`;

async function send(deps: Deps, to: string, subject: string, text: string, what: string): Promise<void> {
  try {
    await deps.mailer.send({ to, subject, text });
  } catch (err) {
    deps.log?.warn({ err: err instanceof Error ? err.message : 'unknown', what }, 'appointment mail not sent');
  }
}

export async function sendConfirmation(deps: Deps, m: { to: string | null; locale: string; code: string; start: Date; office: OfficeLine; typeName: string; manageUrl: string; icsUrl: string }): Promise<void> {
  if (!m.to) return;
  const values = { code: m.code, when: formatWhen(m.locale, m.start), place: place(m.office), type: m.typeName, link: m.manageUrl, ics: m.icsUrl };
  await send(deps, m.to, translate(m.locale, 'appointments-mail:confirmation.subject', values), translate(m.locale, 'appointments-mail:confirmation.body', values), 'confirmation');
}

/** The manage token is stored hashed only, so the reminder points to the confirmation's link and the office's phone. */
export async function sendReminder(deps: Deps, m: { to: string; locale: string; code: string; start: Date; office: OfficeLine & { phone: string }; typeName: string }): Promise<void> {
  const values = { code: m.code, when: formatWhen(m.locale, m.start), place: place(m.office), type: m.typeName, phone: m.office.phone };
  await send(deps, m.to, translate(m.locale, 'appointments-mail:reminder.subject', values), translate(m.locale, 'appointments-mail:reminder.body', values), 'reminder');
}

export async function sendCancellation(deps: Deps, m: { to: string; locale: string; code: string; start: Date; office: OfficeLine }): Promise<void> {
  const values = { code: m.code, when: formatWhen(m.locale, m.start), place: place(m.office) };
  await send(deps, m.to, translate(m.locale, 'appointments-mail:cancellation.subject', values), translate(m.locale, 'appointments-mail:cancellation.body', values), 'cancellation');
}

/** The office moved the booking: new time, the previous one named; code and manage link stay. */
export async function sendMoved(deps: Deps, m: { to: string; locale: string; code: string; start: Date; previous: Date; office: OfficeLine; typeName: string }): Promise<void> {
  const values = { code: m.code, when: formatWhen(m.locale, m.start), previous: formatWhen(m.locale, m.previous), place: place(m.office), type: m.typeName };
  await send(deps, m.to, translate(m.locale, 'appointments-mail:moved.subject', values), translate(m.locale, 'appointments-mail:moved.body', values), 'moved');
}

export async function sendOffer(deps: Deps, m: { to: string; locale: string; start: Date; office: OfficeLine; typeName: string; link: string; hours: number }): Promise<void> {
  const values = { when: formatWhen(m.locale, m.start), place: place(m.office), type: m.typeName, link: m.link, hours: m.hours };
  await send(deps, m.to, translate(m.locale, 'appointments-mail:offer.subject', values), translate(m.locale, 'appointments-mail:offer.body', values), 'offer');
}
