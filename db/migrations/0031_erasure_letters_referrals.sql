-- Erasure (migration 0029) reaches the letters and referrals of a person or household: the same
-- owner function, its list of erasable tables and columns grown by the letters (by id, after their
-- files by letter id) and the referrals (by person or household). lotse_app still has no DELETE on
-- any of them; tenant scope only, the caller's tenant only, as before.
CREATE OR REPLACE FUNCTION lotse_erase_rows(p_table text, p_column text, p_ids uuid[]) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  n integer;
BEGIN
  IF lotse_scope() <> 'tenant' OR lotse_current_org() IS NULL THEN
    RAISE EXCEPTION 'lotse_erase_rows: tenant scope only' USING ERRCODE = '42501';
  END IF;
  IF NOT ((p_table, p_column) IN (
    ('consent', 'person_id'), ('consent', 'household_id'),
    ('referral', 'person_id'), ('referral', 'household_id'),
    ('letter_file', 'letter_id'), ('letter', 'id')
  )) THEN
    RAISE EXCEPTION 'lotse_erase_rows: % (%) is not erasable here', p_table, p_column USING ERRCODE = '42501';
  END IF;
  EXECUTE format('DELETE FROM %I WHERE organisation_id = lotse_current_org() AND %I = ANY($1)', p_table, p_column) USING p_ids;
  GET DIAGNOSTICS n = ROW_COUNT;
  RETURN n;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION lotse_erase_rows(text, text, uuid[]) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION lotse_erase_rows(text, text, uuid[]) TO lotse_app;
