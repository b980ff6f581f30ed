-- The person search's trigram indexes were not used: person_name_key is small in pages, pg_trgm's
-- selectivity estimate for <% is a guess, and the planner preferred a sequential scan that computes
-- word_similarity three times for every key of the tenant (about 0.5–0.8 s over 54 000 keys on PGlite).
-- The bitmap OR over the three GIN indexes answers the same rows in 20–55 ms. The function is the only
-- statement that needs it, so the setting is its own (it cannot leak into the caller's transaction).
ALTER FUNCTION lotse_person_name_matches(text, text, text, text[], integer) SET enable_seqscan = off;
