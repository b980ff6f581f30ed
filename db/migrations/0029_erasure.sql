-- Erasure on request (DSGVO Art. 17) and, later, after the retention period: a person's or a
-- household's case content is deleted. Some case tables are never deleted from by the application
-- (lotse_app has no DELETE on consent: a consent is withdrawn, not removed). This owner function is
-- the one way to delete their rows: a listed table and column only, the caller's tenant only (its
-- WHERE and the FORCE-d row-level security both bind it), answering the number of rows deleted.
-- Called by the cases module's erasure (subject-access.queries.ts), nowhere else.
CREATE FUNCTION lotse_erase_rows(p_table text, p_column text, p_ids uuid[]) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  n integer;
BEGIN
  IF lotse_scope() <> 'tenant' OR lotse_current_org() IS NULL THEN
    RAISE EXCEPTION 'lotse_erase_rows: tenant scope only' USING ERRCODE = '42501';
  END IF;
  IF NOT ((p_table, p_column) IN (('consent', 'person_id'), ('consent', 'household_id'))) THEN
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
