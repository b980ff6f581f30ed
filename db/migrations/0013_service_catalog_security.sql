-- The service catalog: every scope reads it (reference data); only the city's administration
-- (scope 'city') and system use cases (the seed) write. A published version and its services never
-- change again, whoever asks (also the owner): triggers refuse it, so an entry documented under a
-- version keeps its meaning. A version is born a draft and becomes published by one UPDATE.
-- Proved by server/modules/catalog/catalog.versions.test.ts.
ALTER TABLE catalog_version ADD CONSTRAINT catalog_version_status_check CHECK (status IN ('draft', 'published'));
--> statement-breakpoint
ALTER TABLE catalog_service ADD CONSTRAINT catalog_service_counting_check CHECK (counting IN ('contacts', 'minutes'));
--> statement-breakpoint
ALTER TABLE catalog_service ADD CONSTRAINT catalog_service_code_check CHECK (code ~ '^[a-z0-9][a-z0-9._-]*$');
--> statement-breakpoint
ALTER TABLE catalog_version ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY catalog_version_read ON catalog_version FOR SELECT USING (true);
--> statement-breakpoint
CREATE POLICY catalog_version_insert ON catalog_version FOR INSERT WITH CHECK (lotse_scope() IN ('system', 'city'));
--> statement-breakpoint
CREATE POLICY catalog_version_update ON catalog_version FOR UPDATE
  USING (lotse_scope() IN ('system', 'city')) WITH CHECK (lotse_scope() IN ('system', 'city'));
--> statement-breakpoint
CREATE POLICY catalog_version_delete ON catalog_version FOR DELETE USING (lotse_scope() IN ('system', 'city'));
--> statement-breakpoint
ALTER TABLE catalog_service ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY catalog_service_read ON catalog_service FOR SELECT USING (true);
--> statement-breakpoint
CREATE POLICY catalog_service_insert ON catalog_service FOR INSERT WITH CHECK (lotse_scope() IN ('system', 'city'));
--> statement-breakpoint
CREATE POLICY catalog_service_update ON catalog_service FOR UPDATE
  USING (lotse_scope() IN ('system', 'city')) WITH CHECK (lotse_scope() IN ('system', 'city'));
--> statement-breakpoint
CREATE POLICY catalog_service_delete ON catalog_service FOR DELETE USING (lotse_scope() IN ('system', 'city'));
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON catalog_version, catalog_service TO lotse_app;
--> statement-breakpoint
REVOKE TRUNCATE ON catalog_version, catalog_service FROM lotse_app;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION lotse_catalog_version_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW.status <> 'draft' THEN
      RAISE EXCEPTION 'a catalog version starts as a draft' USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
  END IF;
  IF OLD.status = 'published' THEN
    RAISE EXCEPTION 'catalog version % is published and never changes', OLD.number USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER catalog_version_immutable BEFORE INSERT OR UPDATE OR DELETE ON catalog_version
  FOR EACH ROW EXECUTE FUNCTION lotse_catalog_version_guard();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION lotse_catalog_version_no_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the catalog is never truncated' USING ERRCODE = 'insufficient_privilege';
END $$;
--> statement-breakpoint
CREATE TRIGGER catalog_version_no_truncate BEFORE TRUNCATE ON catalog_version
  FOR EACH STATEMENT EXECUTE FUNCTION lotse_catalog_version_no_truncate();
--> statement-breakpoint
CREATE TRIGGER catalog_service_no_truncate BEFORE TRUNCATE ON catalog_service
  FOR EACH STATEMENT EXECUTE FUNCTION lotse_catalog_version_no_truncate();
--> statement-breakpoint
-- A service is written only while its version is a draft. FOR SHARE waits for a publish in flight
-- and then reads the version's new status, so no service slips into a version being published.
CREATE OR REPLACE FUNCTION lotse_catalog_service_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  s text;
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    SELECT status INTO s FROM catalog_version WHERE id = OLD.version_id FOR SHARE;
    IF s IS DISTINCT FROM 'draft' THEN
      RAISE EXCEPTION 'the services of a published catalog version never change' USING ERRCODE = 'insufficient_privilege';
    END IF;
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  SELECT status INTO s FROM catalog_version WHERE id = NEW.version_id FOR SHARE;
  IF s IS DISTINCT FROM 'draft' THEN
    RAISE EXCEPTION 'the services of a published catalog version never change' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER catalog_service_immutable BEFORE INSERT OR UPDATE OR DELETE ON catalog_service
  FOR EACH ROW EXECUTE FUNCTION lotse_catalog_service_guard();
--> statement-breakpoint
-- Health, crisis and special personal circumstances are special categories (DSGVO Art. 9): the
-- first seed marked `special` normal. Corrected once here; a later choice of the city stays.
UPDATE integration_area SET sensitivity = 'special' WHERE code = 'special' AND sensitivity = 'normal';
