import type { Deps } from '#server/deps.ts';
import * as oq from '#server/modules/offices/offices.public.ts';
import { addDays } from '#server/modules/offices/offices.public.ts';
import * as q from './appointments.queries.ts';
import { sendReminder } from './appointments.mail.ts';
import { berlinInstant, berlinToday } from './tz.ts';

/**
 * Job `appointments.remind`: a reminder mail the day before (appointments starting tomorrow,
 * Berlin time). Idempotent: `reminded_at` is set in the same statement that claims the row, so a
 * second run (or a second process) sends nothing twice. The manage token is stored hashed only, so
 * the reminder names the booking code and points to the confirmation's link and the office's phone.
 */
export async function sendReminders(deps: Deps): Promise<number> {
  const now = deps.now();
  const tomorrow = addDays(berlinToday(now), 1);
  const from = new Date(berlinInstant(tomorrow, '00:00'));
  const to = new Date(berlinInstant(addDays(tomorrow, 1), '00:00'));
  const due = await deps.db.transaction({ kind: 'system', useCase: 'appointments.reminders' }, async (tx) => {
    const out = [];
    for (const row of await q.dueReminders(tx, from, to)) {
      if (!row.emailSealed) continue;
      if (!(await q.markReminded(tx, row.id, now))) continue;
      const office = await oq.findOffice(tx, row.officeId);
      const type = await q.findType(tx, row.typeId);
      if (office && type) out.push({ row, office, typeName: type.name, to: deps.keys.open(row.emailSealed, `appointment:${row.id}:email`) });
    }
    return out;
  });
  for (const d of due) {
    await sendReminder(deps, { to: d.to, locale: d.row.locale, code: d.row.code ?? '', start: d.row.startsAt, office: d.office, typeName: d.typeName });
  }
  return due.length;
}
