-- Row-level security, append-only audit and validity-period constraints: what Drizzle cannot express.
-- Each is proved by a test (server/modules/*/…security.test.ts).

-- Tenant isolation for accounts: an organisation sees its own; the city's administration
-- (scope 'city') and named system use cases (login, seeding) see all.
ALTER TABLE account ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY account_tenant ON account
  USING (lotse_scope() IN ('system', 'city') OR organisation_id = lotse_current_org())
  WITH CHECK (lotse_scope() IN ('system', 'city') OR organisation_id = lotse_current_org());
--> statement-breakpoint

-- Audit: anyone may append; an organisation reads its own chain; the city's administration also
-- reads the administration of organisations and accounts, never provider case activity.
ALTER TABLE audit_entry ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY audit_entry_append ON audit_entry FOR INSERT WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY audit_entry_read ON audit_entry FOR SELECT
  USING (
    lotse_scope() = 'system'
    OR organisation_id = lotse_current_org()
    OR (lotse_scope() = 'city' AND record_type IN ('organisation', 'account'))
  );
--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON audit_entry FROM lotse_app;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION lotse_audit_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_entry is append-only' USING ERRCODE = 'insufficient_privilege';
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry
  FOR EACH ROW EXECUTE FUNCTION lotse_audit_is_append_only();
--> statement-breakpoint

ALTER TABLE security_event ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY security_event_append ON security_event FOR INSERT WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY security_event_read ON security_event FOR SELECT
  USING (lotse_scope() IN ('system', 'city') OR organisation_id = lotse_current_org());
--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON security_event FROM lotse_app;
--> statement-breakpoint

-- Validity periods [valid_from, valid_to): never backwards, never overlapping.
ALTER TABLE region_membership ADD CONSTRAINT region_membership_period_check
  CHECK (valid_to IS NULL OR valid_to > valid_from);
--> statement-breakpoint
ALTER TABLE region_membership ADD CONSTRAINT region_membership_no_overlap
  EXCLUDE USING gist (member_id WITH =, daterange(valid_from, valid_to) WITH &&);
--> statement-breakpoint
ALTER TABLE quarter_membership ADD CONSTRAINT quarter_membership_period_check
  CHECK (valid_to IS NULL OR valid_to > valid_from);
--> statement-breakpoint
ALTER TABLE quarter_membership ADD CONSTRAINT quarter_membership_no_overlap
  EXCLUDE USING gist (quarter_id WITH =, member_id WITH =, daterange(valid_from, valid_to) WITH &&);
--> statement-breakpoint
ALTER TABLE service_agreement ADD CONSTRAINT service_agreement_period_check
  CHECK (valid_to IS NULL OR valid_to > valid_from);
--> statement-breakpoint
ALTER TABLE service_agreement ADD CONSTRAINT service_agreement_one_provider_per_region
  EXCLUDE USING gist (region_id WITH =, daterange(valid_from, valid_to) WITH &&);
--> statement-breakpoint

-- Tables created above were created before the default privileges applied to them in some
-- clusters; grant explicitly so the role works the same everywhere.
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO lotse_app;
--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON audit_entry, security_event FROM lotse_app;
--> statement-breakpoint
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO lotse_app;
