-- Case work: provider isolation, code lists and the search keys' phonetic function.
-- Proved by server/modules/cases/cases.security.test.ts and people.search.test.ts.
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;
--> statement-breakpoint
-- The double metaphone codes of a normalised Latin name (tokens separated by spaces), distinct and
-- sorted: the phonetic search key of person_name_key (server/modules/cases/names.ts makes `latin`).
CREATE OR REPLACE FUNCTION lotse_name_phonetic(latin text) RETURNS text LANGUAGE sql IMMUTABLE STRICT AS $$
  SELECT coalesce(string_agg(code, ' ' ORDER BY code), '')
  FROM (SELECT DISTINCT dmetaphone(token) AS code FROM unnest(string_to_array(latin, ' ')) AS token WHERE token <> '') AS codes
  WHERE code <> ''
$$;
--> statement-breakpoint
ALTER TABLE household ADD CONSTRAINT household_accommodation_check CHECK (accommodation IN ('shared_accommodation', 'own_flat'));
--> statement-breakpoint
ALTER TABLE person ADD CONSTRAINT person_relationship_check
  CHECK (relationship IN ('head', 'spouse', 'partner', 'child', 'stepchild', 'parent', 'sibling', 'grandchild', 'other_relative', 'other'));
--> statement-breakpoint
ALTER TABLE person ADD CONSTRAINT person_sex_check CHECK (sex IS NULL OR sex IN ('female', 'male', 'diverse'));
--> statement-breakpoint
ALTER TABLE residence_status ADD CONSTRAINT residence_status_group_check
  CHECK ("group" IN ('asylum_procedure', 'tolerated', 'protection', 'residence_permit', 'settlement', 'eu_citizen', 'other'));
--> statement-breakpoint
ALTER TABLE household ADD CONSTRAINT household_version_check CHECK (version >= 1);
--> statement-breakpoint
ALTER TABLE person ADD CONSTRAINT person_version_check CHECK (version >= 1);
--> statement-breakpoint
ALTER TABLE case_file ADD CONSTRAINT case_file_version_check CHECK (version >= 1);
--> statement-breakpoint

-- The residence status list is reference data: everyone reads it, the city's administration and
-- system use cases (the seed) write it.
ALTER TABLE residence_status ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE residence_status FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY residence_status_read ON residence_status FOR SELECT USING (true);
--> statement-breakpoint
CREATE POLICY residence_status_insert ON residence_status FOR INSERT WITH CHECK (lotse_scope() IN ('system', 'city'));
--> statement-breakpoint
CREATE POLICY residence_status_update ON residence_status FOR UPDATE
  USING (lotse_scope() IN ('system', 'city')) WITH CHECK (lotse_scope() IN ('system', 'city'));
--> statement-breakpoint
CREATE POLICY residence_status_delete ON residence_status FOR DELETE USING (lotse_scope() IN ('system', 'city'));
--> statement-breakpoint

-- Households, people, their search keys, case files and assignments belong to the provider that
-- serves them: its tenant scope only, and named system use cases (demo seed). Never the city scope —
-- the city sees case work as aggregates only (§ 78 SGB X). FORCE: the owner is bound too.
ALTER TABLE household ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE household FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY household_tenant ON household
  USING (lotse_scope() = 'system' OR (lotse_scope() = 'tenant' AND organisation_id = lotse_current_org()))
  WITH CHECK (lotse_scope() = 'system' OR (lotse_scope() = 'tenant' AND organisation_id = lotse_current_org()));
--> statement-breakpoint
ALTER TABLE person ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE person FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY person_tenant ON person
  USING (lotse_scope() = 'system' OR (lotse_scope() = 'tenant' AND organisation_id = lotse_current_org()))
  WITH CHECK (lotse_scope() = 'system' OR (lotse_scope() = 'tenant' AND organisation_id = lotse_current_org()));
--> statement-breakpoint
ALTER TABLE person_name_key ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE person_name_key FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY person_name_key_tenant ON person_name_key
  USING (lotse_scope() = 'system' OR (lotse_scope() = 'tenant' AND organisation_id = lotse_current_org()))
  WITH CHECK (lotse_scope() = 'system' OR (lotse_scope() = 'tenant' AND organisation_id = lotse_current_org()));
--> statement-breakpoint
ALTER TABLE case_file ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE case_file FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY case_file_tenant ON case_file
  USING (lotse_scope() = 'system' OR (lotse_scope() = 'tenant' AND organisation_id = lotse_current_org()))
  WITH CHECK (lotse_scope() = 'system' OR (lotse_scope() = 'tenant' AND organisation_id = lotse_current_org()));
--> statement-breakpoint
ALTER TABLE case_assignment ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE case_assignment FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY case_assignment_tenant ON case_assignment
  USING (lotse_scope() = 'system' OR (lotse_scope() = 'tenant' AND organisation_id = lotse_current_org()))
  WITH CHECK (lotse_scope() = 'system' OR (lotse_scope() = 'tenant' AND organisation_id = lotse_current_org()));
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON residence_status, household, person, person_name_key, case_file, case_assignment TO lotse_app;
--> statement-breakpoint
REVOKE TRUNCATE ON residence_status, household, person, person_name_key, case_file, case_assignment FROM lotse_app;
