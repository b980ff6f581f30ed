-- Appointments: no double booking by construction, and tenant isolation of bookings.
-- Proved by server/modules/appointments/appointments.security.test.ts.

-- A counsellor and an interpreter each take part in at most one talk at a time (buffers included):
-- every row that is not cancelled (held, booked, done, no_show) blocks [blocked_from, blocked_to).
ALTER TABLE appointment ADD CONSTRAINT appointment_counsellor_no_overlap
  EXCLUDE USING gist (counsellor_id WITH =, tstzrange(blocked_from, blocked_to, '[)') WITH &&)
  WHERE (status <> 'cancelled');
--> statement-breakpoint
ALTER TABLE appointment ADD CONSTRAINT appointment_interpreter_no_overlap
  EXCLUDE USING gist (interpreter_id WITH =, tstzrange(blocked_from, blocked_to, '[)') WITH &&)
  WHERE (status <> 'cancelled' AND interpreter_id IS NOT NULL);
--> statement-breakpoint
ALTER TABLE appointment ADD CONSTRAINT appointment_counsellor_not_interpreter
  CHECK (interpreter_id IS NULL OR interpreter_id <> counsellor_id);
--> statement-breakpoint

-- Configuration is public to read (slots are computed from it); the office's provider writes it
-- (lotse_office_writable from 0004: own offices, or the city and system use cases).
ALTER TABLE appointment_type ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY appointment_type_read ON appointment_type FOR SELECT USING (true);
--> statement-breakpoint
CREATE POLICY appointment_type_write ON appointment_type FOR ALL
  USING (lotse_office_writable(office_id)) WITH CHECK (lotse_office_writable(office_id));
--> statement-breakpoint
ALTER TABLE appointment_resource ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY appointment_resource_read ON appointment_resource FOR SELECT USING (true);
--> statement-breakpoint
CREATE POLICY appointment_resource_write ON appointment_resource FOR ALL
  USING (lotse_office_writable(office_id)) WITH CHECK (lotse_office_writable(office_id));
--> statement-breakpoint
ALTER TABLE resource_availability ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY resource_availability_read ON resource_availability FOR SELECT USING (true);
--> statement-breakpoint
CREATE POLICY resource_availability_write ON resource_availability FOR ALL
  USING (lotse_office_writable(office_id)) WITH CHECK (lotse_office_writable(office_id));
--> statement-breakpoint
ALTER TABLE resource_absence ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY resource_absence_read ON resource_absence FOR SELECT USING (true);
--> statement-breakpoint
CREATE POLICY resource_absence_write ON resource_absence FOR ALL
  USING (lotse_office_writable(office_id)) WITH CHECK (lotse_office_writable(office_id));
--> statement-breakpoint
ALTER TABLE office_closure ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY office_closure_read ON office_closure FOR SELECT USING (true);
--> statement-breakpoint
CREATE POLICY office_closure_write ON office_closure FOR ALL
  USING (lotse_office_writable(office_id)) WITH CHECK (lotse_office_writable(office_id));
--> statement-breakpoint

-- Bookings, idempotency records and the waitlist hold personal data: the office's provider only
-- (a public booking runs in the provider's tenant scope), and named system use cases (reminders).
ALTER TABLE appointment ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY appointment_tenant ON appointment
  USING (lotse_scope() = 'system' OR provider_id = lotse_current_org())
  WITH CHECK (lotse_scope() = 'system' OR provider_id = lotse_current_org());
--> statement-breakpoint
ALTER TABLE appointment_idempotency ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY appointment_idempotency_tenant ON appointment_idempotency
  USING (lotse_scope() = 'system' OR provider_id = lotse_current_org())
  WITH CHECK (lotse_scope() = 'system' OR provider_id = lotse_current_org());
--> statement-breakpoint
ALTER TABLE waitlist_entry ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY waitlist_entry_tenant ON waitlist_entry
  USING (lotse_scope() = 'system' OR provider_id = lotse_current_org())
  WITH CHECK (lotse_scope() = 'system' OR provider_id = lotse_current_org());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON appointment_type, appointment_resource, resource_availability,
  resource_absence, office_closure, appointment, appointment_idempotency, waitlist_entry TO lotse_app;
