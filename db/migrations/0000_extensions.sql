-- Extensions and the application role. Runs before any table.
CREATE EXTENSION IF NOT EXISTS btree_gist;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
-- The non-owner role every application transaction switches to (SET LOCAL ROLE), so that
-- row-level security applies on PGlite (a superuser connection) and on PostgreSQL alike.
-- Roles are cluster-wide: several databases in one cluster share it.
DO $$ BEGIN
  CREATE ROLE lotse_app NOLOGIN;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;
--> statement-breakpoint
DO $$ BEGIN
  EXECUTE format('GRANT lotse_app TO %I', current_user);
EXCEPTION WHEN others THEN NULL;
END $$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO lotse_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO lotse_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO lotse_app;
--> statement-breakpoint
-- Tenant settings read by the policies; set per transaction by server/db.ts.
CREATE OR REPLACE FUNCTION lotse_current_org() RETURNS uuid LANGUAGE sql STABLE AS $$
  SELECT nullif(current_setting('lotse.organisation_id', true), '')::uuid
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION lotse_scope() RETURNS text LANGUAGE sql STABLE AS $$
  SELECT coalesce(nullif(current_setting('lotse.scope', true), ''), 'none')
$$;
