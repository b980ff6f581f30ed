-- Evidence photos of the site assessment: the route serves them to authenticated staff only; in the
-- database every scope reads (like the office they belong to), and only the city (the coordinator's
-- use cases, scope 'city') and system use cases write. Proved by server/modules/offices/evidence.test.ts.
-- quarter_population is reference data like boundary_unit (no RLS; written by system use cases).
ALTER TABLE office_evidence_photo ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY office_evidence_photo_read ON office_evidence_photo FOR SELECT USING (true);
--> statement-breakpoint
CREATE POLICY office_evidence_photo_write ON office_evidence_photo FOR ALL
  USING (lotse_scope() IN ('system', 'city')) WITH CHECK (lotse_scope() IN ('system', 'city'));
