/**
 * What other modules may call of appointments (bookings, the staff calendar, the waitlist). A module
 * reads another's data only through that module's public file, never its tables or queries.
 */

// The public booking pages (server/pages) call the same use cases as the API.
export { bookAppointment, holdSlot, releaseHold } from './booking.service.ts';
export { leadTimeSource, listSlots, publicTypes } from './calendar.service.ts';
export { cancelByToken, getByToken, moveByToken } from './manage.service.ts';
export { joinWaitlist } from './waitlist.service.ts';

// Composed into deps.personMerged (server/app.ts): a merged person's appointments follow the record that stays.
export { moveAppointmentsOfMergedPerson } from './household-appointments.service.ts';

// Periodic jobs.
export { appointmentsHousekeeping } from './housekeeping.service.ts';
export { sendReminders } from './reminders.service.ts';

// Settings (server/config.ts) and the demo seed (in the seed's transaction).
export type { AppointmentLimits } from './limits.ts';
export { seedDemoAppointments } from './appointments.demo.ts';

/** `lotse keys rotate`: the sealed columns of appointments, the waiting list and replayable answers. */
export { APPOINTMENT_SEALED_COLUMNS } from './sealed-fields.ts';
/** Subject access and erasure (server/subject-access.ts): the appointments booked for a person of a case file. */
export { APPOINTMENT_SUBJECT_ACCESS } from './subject-access.ts';
