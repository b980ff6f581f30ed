CREATE TABLE "case_statistic" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"source" text NOT NULL,
	"year" smallint NOT NULL,
	"month" smallint NOT NULL,
	"block_code" text NOT NULL,
	"area_code" text NOT NULL,
	"setting" text,
	"language" text,
	"interpreter" boolean DEFAULT false NOT NULL,
	"region_code" text,
	"quarter_code" text,
	"age_band" text,
	"sex" text,
	"residence_group" text,
	"need_level" text,
	"minutes" integer DEFAULT 0 NOT NULL,
	"counted_persons" smallint NOT NULL,
	"alongside_persons" smallint DEFAULT 0 NOT NULL,
	CONSTRAINT "case_statistic_month_check" CHECK ("case_statistic"."month" BETWEEN 1 AND 12),
	CONSTRAINT "case_statistic_persons_check" CHECK ("case_statistic"."counted_persons" >= 0 AND "case_statistic"."alongside_persons" >= 0 AND "case_statistic"."minutes" >= 0)
);
--> statement-breakpoint
CREATE TABLE "service_entry" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"case_file_id" uuid NOT NULL,
	"occurred_on" date NOT NULL,
	"minutes" smallint NOT NULL,
	"catalog_version_id" uuid NOT NULL,
	"catalog_service_id" uuid NOT NULL,
	"setting" text NOT NULL,
	"counselled_ids" uuid[] NOT NULL,
	"alongside_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"language" text NOT NULL,
	"interpreter" boolean DEFAULT false NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"note_sealed" boolean DEFAULT false NOT NULL,
	"sensitive" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "service_entry_minutes_check" CHECK ("service_entry"."minutes" BETWEEN 1 AND 720),
	CONSTRAINT "service_entry_counselled_check" CHECK (cardinality("service_entry"."counselled_ids") >= 1),
	CONSTRAINT "service_entry_version_check" CHECK ("service_entry"."version" >= 1)
);
--> statement-breakpoint
ALTER TABLE "case_statistic" ADD CONSTRAINT "case_statistic_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_entry" ADD CONSTRAINT "service_entry_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_entry" ADD CONSTRAINT "service_entry_household_id_household_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."household"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_entry" ADD CONSTRAINT "service_entry_case_file_id_case_file_id_fk" FOREIGN KEY ("case_file_id") REFERENCES "public"."case_file"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_entry" ADD CONSTRAINT "service_entry_catalog_version_id_catalog_version_id_fk" FOREIGN KEY ("catalog_version_id") REFERENCES "public"."catalog_version"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_entry" ADD CONSTRAINT "service_entry_catalog_service_id_catalog_service_id_fk" FOREIGN KEY ("catalog_service_id") REFERENCES "public"."catalog_service"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_entry" ADD CONSTRAINT "service_entry_created_by_account_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_statistic_period_idx" ON "case_statistic" USING btree ("year","month");--> statement-breakpoint
CREATE INDEX "service_entry_household_idx" ON "service_entry" USING btree ("household_id","occurred_on");--> statement-breakpoint
-- Case work: service entries belong to their provider (tenant scope only, FORCE-d like the other
-- case tables); the anonymous statistics rows are written by the provider and read by no one
-- directly — only as aggregates through lotse_case_statistics (decision 0014).
-- Proved by server/modules/cases/service-entries.test.ts and case-statistics.test.ts.
ALTER TABLE service_entry ADD CONSTRAINT service_entry_setting_check CHECK (setting IN ('office', 'home_visit', 'phone', 'video', 'outreach', 'group'));
--> statement-breakpoint
ALTER TABLE service_entry ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE service_entry FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY service_entry_tenant ON service_entry
  USING (lotse_scope() = 'system' OR (lotse_scope() = 'tenant' AND organisation_id = lotse_current_org()))
  WITH CHECK (lotse_scope() = 'system' OR (lotse_scope() = 'tenant' AND organisation_id = lotse_current_org()));
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON service_entry TO lotse_app;
--> statement-breakpoint
REVOKE TRUNCATE ON service_entry FROM lotse_app;
--> statement-breakpoint
ALTER TABLE case_statistic ADD CONSTRAINT case_statistic_source_check CHECK (source IN ('service_entry', 'quick_contact', 'assessment'));
--> statement-breakpoint
-- Not FORCE-d: the aggregate function below runs as the owner and reads every provider's rows for
-- the city; the application role has INSERT only (no SELECT, UPDATE, DELETE): a row, once written,
-- is neither read back nor changed nor removed by the application.
ALTER TABLE case_statistic ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY case_statistic_insert ON case_statistic FOR INSERT
  WITH CHECK (lotse_scope() = 'system' OR (lotse_scope() = 'tenant' AND organisation_id = lotse_current_org()));
--> statement-breakpoint
GRANT INSERT ON case_statistic TO lotse_app;
--> statement-breakpoint
-- The one way to read the statistics: counts per region, area and block and ONE further dimension
-- (marginals, never a cross-table of person attributes), for the months from..to. The city scope
-- sees every provider, a provider's tenant scope its own rows, other scopes nothing. A cell of fewer
-- than min_cell contacts is answered as suppressed (counts null), so that no single visit shows.
CREATE OR REPLACE FUNCTION lotse_case_statistics(dimension text, from_month date, to_month date, min_cell integer DEFAULT 3)
RETURNS TABLE (region_code text, area_code text, block_code text, value text, contacts bigint, minutes bigint, persons bigint, alongside bigint, suppressed boolean)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF dimension NOT IN ('none', 'source', 'setting', 'language', 'interpreter', 'quarter_code', 'age_band', 'sex', 'residence_group', 'need_level') THEN
    RAISE EXCEPTION 'unknown statistics dimension %', dimension;
  END IF;
  RETURN QUERY EXECUTE format(
    'SELECT s.region_code, s.area_code, s.block_code, %s::text AS value,
            CASE WHEN count(*) >= $3 THEN count(*)::bigint END, CASE WHEN count(*) >= $3 THEN sum(s.minutes)::bigint END, CASE WHEN count(*) >= $3 THEN sum(s.counted_persons)::bigint END,
            CASE WHEN count(*) >= $3 THEN sum(s.alongside_persons)::bigint END, count(*) < $3
       FROM case_statistic s
      WHERE (lotse_scope() = ''city'' OR (lotse_scope() = ''tenant'' AND s.organisation_id = lotse_current_org()))
        AND make_date(s.year, s.month, 1) BETWEEN date_trunc(''month'', $1)::date AND date_trunc(''month'', $2)::date
      GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4',
    CASE WHEN dimension = 'none' THEN 'NULL' ELSE 's.' || quote_ident(dimension) END)
  USING from_month, to_month, min_cell;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION lotse_case_statistics(text, date, date, integer) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION lotse_case_statistics(text, date, date, integer) TO lotse_app;
