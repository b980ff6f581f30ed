CREATE TABLE "person_name_term" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"value" text NOT NULL
);
--> statement-breakpoint
DROP INDEX "person_name_key_latin_trgm_idx";--> statement-breakpoint
DROP INDEX "person_name_key_skeleton_trgm_idx";--> statement-breakpoint
DROP INDEX "person_name_key_phonetic_trgm_idx";--> statement-breakpoint
ALTER TABLE "person_name_term" ADD CONSTRAINT "person_name_term_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "person_name_term_key" ON "person_name_term" USING btree (("organisation_id"::text || ' ' || "kind" || ' ' || "value"));--> statement-breakpoint
CREATE INDEX "person_name_term_latin_trgm_idx" ON "person_name_term" USING gin ("value" gin_trgm_ops) WHERE "person_name_term"."kind" = 'latin';--> statement-breakpoint
CREATE INDEX "person_name_term_skeleton_trgm_idx" ON "person_name_term" USING gin ("value" gin_trgm_ops) WHERE "person_name_term"."kind" = 'skeleton';--> statement-breakpoint
CREATE INDEX "person_name_term_phonetic_trgm_idx" ON "person_name_term" USING gin ("value" gin_trgm_ops) WHERE "person_name_term"."kind" = 'phonetic';--> statement-breakpoint
CREATE INDEX "person_name_key_latin_idx" ON "person_name_key" USING btree ("organisation_id","latin");--> statement-breakpoint
CREATE INDEX "person_name_key_skeleton_idx" ON "person_name_key" USING btree ("organisation_id","skeleton");--> statement-breakpoint
CREATE INDEX "person_name_key_phonetic_idx" ON "person_name_key" USING btree ("organisation_id","phonetic");--> statement-breakpoint
-- The person search answers from the distinct spellings' keys, not from every person's keys. Names
-- repeat (Mohammed Al-Hassan, Zahra Rahimi): the trigram search over all of person_name_key scored
-- thousands of rows for a common name (p99 about 2.5 s at 100 000 people on PGlite). person_name_term
-- holds each tenant's distinct key values (folded Latin, skeleton, phonetic); the function scores those
-- by trigram word similarity (GIN), then fetches people through plain btree look-ups on the key
-- values, best value first, stopping when it has enough. See docs/decisions/ (person search).
ALTER TABLE person_name_term ADD CONSTRAINT person_name_term_kind_check CHECK (kind IN ('latin', 'skeleton', 'phonetic'));
--> statement-breakpoint
-- Only the owner's functions (the trigger below and the search) reach the terms: lotse_app has no grant,
-- and RLS without a policy refuses everything to everyone else (not FORCE-d: the owner's functions apply
-- the tenant rule themselves, as for person_name_key).
ALTER TABLE person_name_term ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
REVOKE ALL ON person_name_term FROM lotse_app;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION lotse_person_name_term_used(q_org uuid, q_kind text, q_value text) RETURNS boolean
LANGUAGE sql STABLE SET search_path = public, pg_temp AS $$
  SELECT CASE q_kind
    WHEN 'latin' THEN EXISTS (SELECT 1 FROM person_name_key k WHERE k.organisation_id = q_org AND k.latin = q_value)
    WHEN 'skeleton' THEN EXISTS (SELECT 1 FROM person_name_key k WHERE k.organisation_id = q_org AND k.skeleton = q_value)
    ELSE EXISTS (SELECT 1 FROM person_name_key k WHERE k.organisation_id = q_org AND k.phonetic = q_value)
  END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION lotse_person_name_term_used(uuid, text, text) FROM PUBLIC;
--> statement-breakpoint
-- Keeps person_name_term equal to the distinct values of person_name_key, per statement.
-- Added values are locked FOR KEY SHARE until the writer commits (writers of the same value do not wait
-- for each other). A value whose last key went is deleted only if no writer holds it (SKIP LOCKED, so the
-- deleter never waits and cannot deadlock), and only after that lock, in a statement of its own, so it
-- sees keys committed meanwhile; a writer that finds its value deleted under it inserts it again.
CREATE OR REPLACE FUNCTION lotse_person_name_terms() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  wanted integer;
  held integer;
  gone uuid[];
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    SELECT count(*) INTO wanted FROM (
      SELECT DISTINCT n.organisation_id, v.kind, v.value FROM new_keys n
      CROSS JOIN LATERAL (VALUES ('latin', n.latin), ('skeleton', n.skeleton), ('phonetic', n.phonetic)) AS v(kind, value) WHERE v.value <> '') AS w;
    LOOP
      INSERT INTO person_name_term (organisation_id, kind, value)
        SELECT DISTINCT n.organisation_id, v.kind, v.value FROM new_keys n
        CROSS JOIN LATERAL (VALUES ('latin', n.latin), ('skeleton', n.skeleton), ('phonetic', n.phonetic)) AS v(kind, value) WHERE v.value <> ''
        ON CONFLICT ((organisation_id::text || ' ' || kind || ' ' || value)) DO NOTHING;
      SELECT count(*) INTO held FROM (
        SELECT 1 FROM person_name_term t
        WHERE (t.organisation_id::text || ' ' || t.kind || ' ' || t.value) IN (
          SELECT n.organisation_id::text || ' ' || v.kind || ' ' || v.value FROM new_keys n
          CROSS JOIN LATERAL (VALUES ('latin', n.latin), ('skeleton', n.skeleton), ('phonetic', n.phonetic)) AS v(kind, value) WHERE v.value <> '')
        FOR KEY SHARE OF t) AS h;
      EXIT WHEN held >= wanted;
    END LOOP;
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    SELECT array_agg(c.id) INTO gone FROM (
      SELECT t.id FROM person_name_term t
      WHERE (t.organisation_id::text || ' ' || t.kind || ' ' || t.value) IN (
          SELECT o.organisation_id::text || ' ' || v.kind || ' ' || v.value FROM old_keys o
          CROSS JOIN LATERAL (VALUES ('latin', o.latin), ('skeleton', o.skeleton), ('phonetic', o.phonetic)) AS v(kind, value))
        AND NOT lotse_person_name_term_used(t.organisation_id, t.kind, t.value)
      FOR UPDATE OF t SKIP LOCKED) AS c;
    IF gone IS NOT NULL THEN
      DELETE FROM person_name_term t WHERE t.id = ANY (gone) AND NOT lotse_person_name_term_used(t.organisation_id, t.kind, t.value);
    END IF;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION lotse_person_name_terms() FROM PUBLIC;
--> statement-breakpoint
CREATE TRIGGER person_name_key_terms_insert AFTER INSERT ON person_name_key REFERENCING NEW TABLE AS new_keys
  FOR EACH STATEMENT EXECUTE FUNCTION lotse_person_name_terms();
--> statement-breakpoint
CREATE TRIGGER person_name_key_terms_update AFTER UPDATE ON person_name_key REFERENCING OLD TABLE AS old_keys NEW TABLE AS new_keys
  FOR EACH STATEMENT EXECUTE FUNCTION lotse_person_name_terms();
--> statement-breakpoint
CREATE TRIGGER person_name_key_terms_delete AFTER DELETE ON person_name_key REFERENCING OLD TABLE AS old_keys
  FOR EACH STATEMENT EXECUTE FUNCTION lotse_person_name_terms();
--> statement-breakpoint
INSERT INTO person_name_term (organisation_id, kind, value)
  SELECT DISTINCT k.organisation_id, v.kind, v.value FROM person_name_key k
  CROSS JOIN LATERAL (VALUES ('latin', k.latin), ('skeleton', k.skeleton), ('phonetic', k.phonetic)) AS v(kind, value) WHERE v.value <> ''
  ON CONFLICT ((organisation_id::text || ' ' || kind || ' ' || value)) DO NOTHING;
--> statement-breakpoint
-- The search (same signature, grants kept). 1. The query's matching terms, scored (the skeleton's and
-- the phonetic code's similarity weighed 0.95 and 0.8), one GIN trigram index per kind. 2. Per kind, keys
-- holding those values, best value first, through the btree on (organisation_id, value), at most
-- 3 × max_rows each (a person has a few keys, often with the same skeleton): enough for the best
-- max_rows people, however many share a common name. 3. Those people's best, and max_rows of them with
-- their matching spellings and the best score of each kind (a kind that did not match scores 0).
-- PL/pgSQL with a generic plan: the statement is planned once per connection, not per call (planning
-- it cost more than running it on PGlite).
CREATE OR REPLACE FUNCTION lotse_person_name_matches(q_latin text, q_skeleton text, q_phonetic text, region_codes text[], max_rows integer)
RETURNS TABLE (person_id uuid, name_score real, skeleton_score real, phonetic_score real, spellings text[])
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = public, pg_temp SET enable_seqscan = off SET plan_cache_mode = force_generic_plan AS $$
#variable_conflict use_column
DECLARE
  org uuid := lotse_current_org();
  cap integer := 3 * max_rows;
BEGIN
  IF lotse_scope() <> 'tenant' OR org IS NULL THEN
    RETURN;
  END IF;
  RETURN QUERY
  WITH terms AS MATERIALIZED (
    SELECT t.kind, t.value, word_similarity(q_latin, t.value) AS score
    FROM person_name_term t WHERE t.kind = 'latin' AND q_latin <% t.value AND t.organisation_id = org
    UNION ALL
    SELECT t.kind, t.value, word_similarity(q_skeleton, t.value)
    FROM person_name_term t WHERE t.kind = 'skeleton' AND q_skeleton <> '' AND q_skeleton <% t.value AND t.organisation_id = org
    UNION ALL
    SELECT t.kind, t.value, word_similarity(q_phonetic, t.value)
    FROM person_name_term t WHERE t.kind = 'phonetic' AND q_phonetic <> '' AND q_phonetic <% t.value AND t.organisation_id = org
  ),
  found AS (
    (SELECT k.person_id, t.score AS weighed
     FROM (SELECT * FROM terms WHERE terms.kind = 'latin' ORDER BY terms.score DESC) t
     CROSS JOIN LATERAL (
       SELECT k.person_id FROM person_name_key k
       WHERE k.organisation_id = org AND k.latin = t.value
         AND (region_codes IS NULL OR EXISTS (SELECT 1 FROM person p JOIN household h ON h.id = p.household_id WHERE p.id = k.person_id AND h.region_code = ANY (region_codes)))
       LIMIT cap) k
     ORDER BY t.score DESC LIMIT cap)
    UNION ALL
    (SELECT k.person_id, 0.95 * t.score
     FROM (SELECT * FROM terms WHERE terms.kind = 'skeleton' ORDER BY terms.score DESC) t
     CROSS JOIN LATERAL (
       SELECT k.person_id FROM person_name_key k
       WHERE k.organisation_id = org AND k.skeleton = t.value
         AND (region_codes IS NULL OR EXISTS (SELECT 1 FROM person p JOIN household h ON h.id = p.household_id WHERE p.id = k.person_id AND h.region_code = ANY (region_codes)))
       LIMIT cap) k
     ORDER BY t.score DESC LIMIT cap)
    UNION ALL
    (SELECT k.person_id, 0.8 * t.score
     FROM (SELECT * FROM terms WHERE terms.kind = 'phonetic' ORDER BY terms.score DESC) t
     CROSS JOIN LATERAL (
       SELECT k.person_id FROM person_name_key k
       WHERE k.organisation_id = org AND k.phonetic = t.value
         AND (region_codes IS NULL OR EXISTS (SELECT 1 FROM person p JOIN household h ON h.id = p.household_id WHERE p.id = k.person_id AND h.region_code = ANY (region_codes)))
       LIMIT cap) k
     ORDER BY t.score DESC LIMIT cap)
  ),
  best AS (
    SELECT f.person_id, max(f.weighed) AS weighed FROM found f GROUP BY f.person_id ORDER BY max(f.weighed) DESC, f.person_id LIMIT max_rows
  )
  SELECT b.person_id,
         coalesce(max(l.score), 0)::real, coalesce(max(s.score), 0)::real, coalesce(max(ph.score), 0)::real,
         array_agg(k.spelling ORDER BY k.id) FILTER (WHERE l.value IS NOT NULL OR s.value IS NOT NULL OR ph.value IS NOT NULL)
  FROM best b
  JOIN person_name_key k ON k.person_id = b.person_id AND k.organisation_id = org
  LEFT JOIN terms l ON l.kind = 'latin' AND l.value = k.latin
  LEFT JOIN terms s ON s.kind = 'skeleton' AND s.value = k.skeleton
  LEFT JOIN terms ph ON ph.kind = 'phonetic' AND ph.value = k.phonetic
  GROUP BY b.person_id
  ORDER BY max(b.weighed) DESC, b.person_id;
END
$$;
