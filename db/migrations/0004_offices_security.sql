-- Offices: public information to read (every scope, also 'public' and 'none'); a provider writes
-- only its own offices, the city (scope 'city') and system use cases (seeding, imports) write all.
-- Opening hours and exceptions follow their office. Proved by server/modules/offices/offices.security.test.ts.
ALTER TABLE office ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY office_read ON office FOR SELECT USING (true);
--> statement-breakpoint
CREATE POLICY office_insert ON office FOR INSERT
  WITH CHECK (lotse_scope() IN ('system', 'city') OR provider_id = lotse_current_org());
--> statement-breakpoint
CREATE POLICY office_update ON office FOR UPDATE
  USING (lotse_scope() IN ('system', 'city') OR provider_id = lotse_current_org())
  WITH CHECK (lotse_scope() IN ('system', 'city') OR provider_id = lotse_current_org());
--> statement-breakpoint
CREATE POLICY office_delete ON office FOR DELETE
  USING (lotse_scope() IN ('system', 'city') OR provider_id = lotse_current_org());
--> statement-breakpoint
ALTER TABLE office ADD CONSTRAINT office_predecessor_id_fk FOREIGN KEY (predecessor_id) REFERENCES office(id);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION lotse_office_writable(office_id uuid) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT lotse_scope() IN ('system', 'city')
    OR EXISTS (SELECT 1 FROM office o WHERE o.id = office_id AND o.provider_id = lotse_current_org())
$$;
--> statement-breakpoint
ALTER TABLE office_opening_hours ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY office_opening_hours_read ON office_opening_hours FOR SELECT USING (true);
--> statement-breakpoint
CREATE POLICY office_opening_hours_write ON office_opening_hours FOR ALL
  USING (lotse_office_writable(office_id)) WITH CHECK (lotse_office_writable(office_id));
--> statement-breakpoint
ALTER TABLE office_hours_exception ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY office_hours_exception_read ON office_hours_exception FOR SELECT USING (true);
--> statement-breakpoint
CREATE POLICY office_hours_exception_write ON office_hours_exception FOR ALL
  USING (lotse_office_writable(office_id)) WITH CHECK (lotse_office_writable(office_id));
--> statement-breakpoint
-- Public-transport reference data: everyone reads; only the city and system use cases (the GTFS
-- import) write.
ALTER TABLE gtfs_stop ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY gtfs_stop_read ON gtfs_stop FOR SELECT USING (true);
--> statement-breakpoint
CREATE POLICY gtfs_stop_write ON gtfs_stop FOR ALL
  USING (lotse_scope() IN ('system', 'city')) WITH CHECK (lotse_scope() IN ('system', 'city'));
--> statement-breakpoint
ALTER TABLE gtfs_departure_hour ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY gtfs_departure_hour_read ON gtfs_departure_hour FOR SELECT USING (true);
--> statement-breakpoint
CREATE POLICY gtfs_departure_hour_write ON gtfs_departure_hour FOR ALL
  USING (lotse_scope() IN ('system', 'city')) WITH CHECK (lotse_scope() IN ('system', 'city'));
