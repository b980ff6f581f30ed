-- Services an office offers (blocks and integration areas from the catalog): public to read, written
-- like the opening hours (a provider its own offices, the city and system use cases all).
-- Proved by server/modules/offices/offices.services.test.ts. The catalog table service_block is
-- reference data like integration_area (no RLS; the city maintains it).
ALTER TABLE office_service_block ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY office_service_block_read ON office_service_block FOR SELECT USING (true);
--> statement-breakpoint
CREATE POLICY office_service_block_write ON office_service_block FOR ALL
  USING (lotse_office_writable(office_id)) WITH CHECK (lotse_office_writable(office_id));
--> statement-breakpoint
ALTER TABLE office_integration_area ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY office_integration_area_read ON office_integration_area FOR SELECT USING (true);
--> statement-breakpoint
CREATE POLICY office_integration_area_write ON office_integration_area FOR ALL
  USING (lotse_office_writable(office_id)) WITH CHECK (lotse_office_writable(office_id));
