import type { AppointmentDetails } from '#contracts/appointments.ts';
import { translate } from '#server/i18n.ts';

/**
 * iCalendar (RFC 5545) for one appointment: UTC times (no VTIMEZONE needed), CRLF line ends,
 * lines folded at 75 octets, text escaped. Written in the booking's language (summary,
 * description, reminder; the address stays German, marked LANGUAGE=de), with the links on the
 * configured public address, and a reminder two hours before: the day before, the reminder mail
 * goes out already (reminders.service.ts); two hours is the time to set off.
 */
const escapeText = (s: string): string => s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');

/** Folds a content line at 75 octets without splitting a UTF-8 character. */
export function fold(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch);
    const limit = out.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

const stamp = (d: Date): string => d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

/** How long before the start the calendar reminds (RFC 5545 duration). */
export const REMINDER_BEFORE = '-PT2H';

/** The calendar file of a booking, in `d.locale`; `manageUrl` on the configured public address. */
export function bookingIcs(d: AppointmentDetails, opts: { uid: string; stamp: Date; manageUrl: string }): string {
  const t = (key: string, values?: Record<string, unknown>) => translate(d.locale, `appointments-mail:ics.${key}`, values);
  const type = translate(d.locale, `booking:kinds.${d.type.kind}`);
  const summary = t('summary', { type, office: d.office.name });
  let language = d.language;
  try {
    language = new Intl.DisplayNames([d.locale], { type: 'language' }).of(d.language) ?? d.language;
  } catch {
    // an unknown code stays as it is
  }
  const description = [t('code', { code: d.code }), t('language', { language }), ...(d.office.phone ? [t('phone', { phone: d.office.phone })] : []), t('manage', { link: opts.manageUrl })].join('\n');
  return appointmentIcs({
    uid: opts.uid,
    start: new Date(d.start),
    end: new Date(d.end),
    stamp: opts.stamp,
    language: d.locale,
    summary,
    location: `${d.office.name}, ${d.office.street} ${d.office.houseNumber}, ${d.office.postcode} ${d.office.city}`,
    description,
    url: opts.manageUrl,
    reminder: t('reminder', { office: d.office.name }),
    cancelled: d.status === 'cancelled',
  });
}

export function appointmentIcs(a: { uid: string; start: Date; end: Date; stamp: Date; language: string; summary: string; location: string; description: string; url: string; reminder: string; cancelled: boolean }): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Lotse//Appointments//DE',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${a.uid}`,
    `DTSTAMP:${stamp(a.stamp)}`,
    `DTSTART:${stamp(a.start)}`,
    `DTEND:${stamp(a.end)}`,
    `SUMMARY;LANGUAGE=${a.language}:${escapeText(a.summary)}`,
    `LOCATION;LANGUAGE=de:${escapeText(a.location)}`,
    `DESCRIPTION;LANGUAGE=${a.language}:${escapeText(a.description)}`,
    `URL:${a.url}`,
    `STATUS:${a.cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
    ...(a.cancelled ? [] : ['BEGIN:VALARM', 'ACTION:DISPLAY', `TRIGGER:${REMINDER_BEFORE}`, `DESCRIPTION;LANGUAGE=${a.language}:${escapeText(a.reminder)}`, 'END:VALARM']),
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
