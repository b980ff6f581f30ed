-- Person search that can use its trigram indexes. Under row-level security PostgreSQL never uses a
-- non-leakproof operator (pg_trgm's <%) as an index condition before the policy's filter, so the
-- search through the RLS policy scanned every key (about 0.3 s per 10 000 keys on PGlite). This
-- function runs as the owner of person_name_key (no FORCE on that table, so the owner is not bound
-- by its policy) and applies the same rule itself: the current tenant's keys only, nothing in any
-- other scope. It answers person ids and scores, never more; the caller joins person and household
-- under their own (FORCE-d) policies. Proved by people.search.test.ts and cases.test.ts (isolation).
ALTER TABLE person_name_key NO FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION lotse_person_name_matches(q_latin text, q_skeleton text, q_phonetic text, region_codes text[], max_rows integer)
RETURNS TABLE (person_id uuid, name_score real, skeleton_score real, phonetic_score real, spellings text[])
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT k.person_id,
         max(word_similarity(q_latin, k.latin)),
         max(word_similarity(q_skeleton, k.skeleton)),
         max(word_similarity(q_phonetic, k.phonetic)),
         array_agg(k.spelling ORDER BY k.id)
  FROM person_name_key k
  WHERE lotse_scope() = 'tenant'
    AND k.organisation_id = lotse_current_org()
    AND (q_latin <% k.latin OR (q_skeleton <> '' AND q_skeleton <% k.skeleton) OR (q_phonetic <> '' AND q_phonetic <% k.phonetic))
    AND (region_codes IS NULL OR EXISTS (
      SELECT 1 FROM person p JOIN household h ON h.id = p.household_id
      WHERE p.id = k.person_id AND p.organisation_id = k.organisation_id AND h.region_code = ANY (region_codes)))
  GROUP BY k.person_id
  ORDER BY greatest(max(word_similarity(q_latin, k.latin)), 0.95 * max(word_similarity(q_skeleton, k.skeleton)), 0.8 * max(word_similarity(q_phonetic, k.phonetic))) DESC, k.person_id
  LIMIT max_rows
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION lotse_person_name_matches(text, text, text, text[], integer) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION lotse_person_name_matches(text, text, text, text[], integer) TO lotse_app;
