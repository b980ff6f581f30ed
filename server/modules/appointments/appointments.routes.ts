import { z } from 'zod';
import * as c from '#contracts/appointments.ts';
import type { Deps } from '#server/deps.ts';
import { Problem } from '#server/platform/problem.ts';
import type { App } from '#server/http/types.ts';
import * as booking from './booking.service.ts';
import * as calendar from './calendar.service.ts';
import * as household from './household-appointments.service.ts';
import * as manage from './manage.service.ts';
import * as setup from './setup.service.ts';
import * as staffChanges from './staff-changes.service.ts';
import * as waitlist from './waitlist.service.ts';

const officeParams = z.object({ id: z.uuid() }).strict();
const householdParams = officeParams;

export async function appointmentsRoutes(app: App, deps: Deps): Promise<void> {
  const tags = ['appointments'];

  // ---------------------------------------------------------------- public
  app.get('/api/offices/:id/appointment-types', {
    config: { access: 'public' },
    schema: { tags, summary: 'Bookable appointment types of an office, their languages, and walk-in hours', params: officeParams, response: { 200: c.publicAppointmentTypes } },
  }, async (request) => calendar.publicTypes(deps, request.actor, request.params.id));

  app.get('/api/offices/:id/slots', {
    config: { access: 'public' },
    schema: { tags, summary: 'Free start times (Europe/Berlin days) for a type; no counsellor is named', params: officeParams, querystring: c.slotsQuery, response: { 200: c.slotsResponse } },
  }, async (request) => calendar.listSlots(deps, request.actor, request.params.id, request.query));

  app.post('/api/appointments/holds', {
    config: { access: 'public' },
    schema: { tags, summary: 'Hold a slot for a few minutes while the form is filled', body: c.holdBody, response: { 201: c.holdResponse } },
  }, async (request, reply) => reply.status(201).send(await booking.holdSlot(deps, request.actor, request.body)));

  app.delete('/api/appointments/holds/:holdToken', {
    config: { access: 'public' },
    schema: { tags, summary: 'Let a hold go (the token is the proof): the time is offered again at once; 404 when unknown or expired', params: c.holdParams },
  }, async (request, reply) => {
    await booking.releaseHold(deps, request.actor, request.params.holdToken);
    return reply.status(204).send();
  });

  app.post('/api/appointments', {
    config: { access: 'public' },
    schema: { tags, summary: 'Book an appointment (no account). Header Idempotency-Key: a retry returns the same booking; 409 slot-taken when taken', body: c.bookingBody, response: { 201: c.bookingResponse } },
  }, async (request, reply) => {
    const key = c.idempotencyKey.safeParse(request.headers['idempotency-key']);
    if (!key.success) throw new Problem(400, 'validation', { errors: [{ field: 'Idempotency-Key', key: 'field.required' }] });
    const { response } = await booking.bookAppointment(deps, request.actor, request.body, key.data);
    return reply.status(201).send(response);
  });

  app.post('/api/appointments/waitlist', {
    config: { access: 'public' },
    schema: { tags, summary: 'Wait for an earlier slot; a freed slot is offered by mail and held', body: c.waitlistBody, response: { 201: c.waitlistResponse } },
  }, async (request, reply) => reply.status(201).send(await waitlist.joinWaitlist(deps, request.actor, request.body)));

  app.get('/api/appointments/:code.ics', {
    config: { access: 'public' },
    schema: { tags, summary: 'The appointment as iCalendar (text/calendar)', params: c.codeParams, querystring: c.tokenQuery },
  }, async (request, reply) => {
    const ics = await manage.icsByToken(deps, request.actor, request.params.code, request.query.token);
    return reply.type('text/calendar; charset=utf-8').header('content-disposition', `attachment; filename="${request.params.code}.ics"`).header('cache-control', 'no-store').send(ics);
  });

  app.get('/api/appointments/:code', {
    config: { access: 'public' },
    schema: { tags, summary: 'An appointment by its code and manage token', params: c.codeParams, querystring: c.tokenQuery, response: { 200: c.appointmentDetails } },
  }, async (request, reply) => reply.header('cache-control', 'no-store').send(await manage.getByToken(deps, request.actor, request.params.code, request.query.token)));

  app.post('/api/appointments/:code/cancel', {
    config: { access: 'public' },
    schema: { tags, summary: 'Cancel by the manage token (not later than the type\'s notice period)', params: c.codeParams, querystring: c.tokenQuery, response: { 200: c.appointmentDetails } },
  }, async (request) => manage.cancelByToken(deps, request.actor, request.params.code, request.query.token));

  app.post('/api/appointments/:code/move', {
    config: { access: 'public' },
    schema: { tags, summary: 'Move to another free start by the manage token', params: c.codeParams, querystring: c.tokenQuery, body: c.moveBody, response: { 200: c.appointmentDetails } },
  }, async (request) => manage.moveByToken(deps, request.actor, request.params.code, request.query.token, request.body.start));

  // ---------------------------------------------------------------- staff
  app.get('/api/offices/:id/appointment-setup', {
    config: { action: 'appointment-setup.read' },
    schema: { tags, summary: 'Appointment types, counsellors, interpreters, availability, absences, closures', params: officeParams, response: { 200: c.appointmentSetup } },
  }, async (request) => setup.getSetup(deps, request.actor, request.params.id));

  app.post('/api/offices/:id/appointment-types', {
    config: { action: 'appointment-setup.edit' },
    schema: { tags, summary: 'Create an appointment type', params: officeParams, body: c.appointmentTypeBody, response: { 201: c.appointmentType } },
  }, async (request, reply) => reply.status(201).send(await setup.createType(deps, request.actor, request.params.id, request.body)));

  app.patch('/api/appointment-types/:id', {
    config: { action: 'appointment-setup.edit' },
    schema: { tags, summary: 'Change an appointment type', params: officeParams, body: c.appointmentTypeUpdate, response: { 200: c.appointmentType } },
  }, async (request) => setup.updateType(deps, request.actor, request.params.id, request.body));

  app.post('/api/offices/:id/appointment-resources', {
    config: { action: 'appointment-setup.edit' },
    schema: { tags, summary: 'Add a counsellor or interpreter with weekly availability and absences', params: officeParams, body: c.resourceBody, response: { 201: z.object({ id: z.uuid() }) } },
  }, async (request, reply) => reply.status(201).send(await setup.createResource(deps, request.actor, request.params.id, request.body)));

  app.patch('/api/appointment-resources/:id', {
    config: { action: 'appointment-setup.edit' },
    schema: { tags, summary: 'Change a counsellor or interpreter (availability and absences replace the previous ones when given)', params: officeParams, body: c.resourceUpdate },
  }, async (request, reply) => {
    await setup.updateResource(deps, request.actor, request.params.id, request.body);
    return reply.status(204).send();
  });

  app.put('/api/offices/:id/appointment-closures', {
    config: { action: 'appointment-setup.edit' },
    schema: { tags, summary: 'Replace the office\'s closures for appointments', params: officeParams, body: c.closuresBody },
  }, async (request, reply) => {
    await setup.setClosures(deps, request.actor, request.params.id, request.body);
    return reply.status(204).send();
  });

  app.post('/api/offices/:id/appointments', {
    config: { action: 'appointment.book-for-person' },
    schema: { tags, summary: 'Staff book for a household or person', params: officeParams, body: c.staffBookingBody, response: { 201: c.staffBookingResponse } },
  }, async (request, reply) => reply.status(201).send(await booking.bookForHousehold(deps, request.actor, request.params.id, request.body)));

  app.get('/api/households/:id/appointments', {
    config: { action: 'case.read' },
    schema: { tags, summary: 'The appointments booked from the household\'s case file, newest first; every view is audited', params: householdParams, querystring: c.householdAppointmentsQuery, response: { 200: c.householdAppointments } },
  }, async (request) => household.listHouseholdAppointments(deps, request.actor, request.params.id, request.query));

  app.get('/api/offices/:id/calendar', {
    config: { action: 'appointment.read-calendar' },
    schema: { tags, summary: 'Day/week calendar of an office or a counsellor; the city sees counts only', params: officeParams, querystring: c.calendarQuery, response: { 200: c.calendar } },
  }, async (request) => calendar.officeCalendar(deps, request.actor, request.params.id, request.query));

  app.post('/api/offices/:id/appointments/:appointmentId/mark', {
    config: { action: 'appointment.mark' },
    schema: { tags, summary: 'Mark done, no-show, or back to booked', params: c.officeAppointmentParams, body: c.markBody, response: { 200: c.markResponse } },
  }, async (request) => calendar.markAppointment(deps, request.actor, request.params.id, request.params.appointmentId, request.body.status));

  app.post('/api/offices/:id/appointments/:appointmentId/cancel', {
    config: { action: 'appointment.cancel' },
    schema: { tags, summary: 'Staff cancel a booking (audited; the person is told by mail when an email is known; the slot goes to the waitlist)', params: c.officeAppointmentParams, response: { 200: c.staffChangeResponse } },
  }, async (request) => staffChanges.cancelByStaff(deps, request.actor, request.params.id, request.params.appointmentId));

  app.post('/api/offices/:id/appointments/:appointmentId/move', {
    config: { action: 'appointment.move' },
    schema: { tags, summary: 'Staff move a booking to another free start of its type (audited; mail to the person; the old slot goes to the waitlist)', params: c.officeAppointmentParams, body: c.staffMoveBody, response: { 200: c.staffChangeResponse } },
  }, async (request) => staffChanges.moveByStaff(deps, request.actor, request.params.id, request.params.appointmentId, request.body));

  app.get('/api/offices/:id/lead-times', {
    config: { action: 'office.read-lead-times' },
    schema: { tags, summary: 'Lead time per ISO week: days to the appointment and to the next free slot (median, 90th percentile)', params: officeParams, querystring: c.leadTimesQuery, response: { 200: c.leadTimes } },
  }, async (request) => calendar.leadTimes(deps, request.actor, request.params.id, request.query.weeks));
}
