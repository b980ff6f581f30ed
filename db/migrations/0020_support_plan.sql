CREATE TABLE "plan_goal" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"area_code" text NOT NULL,
	"title" text NOT NULL,
	"steps" text DEFAULT '[]' NOT NULL,
	"responsible_kind" text NOT NULL,
	"responsible_person_id" uuid,
	"responsible_account_id" uuid,
	"responsible_text" text DEFAULT '' NOT NULL,
	"due_on" date,
	"sensitive" boolean DEFAULT false NOT NULL,
	"sealed" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"reviewed_on" date,
	"review_note" text DEFAULT '' NOT NULL,
	"reviewed_by" uuid,
	"position" smallint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_goal_responsible_check" CHECK (("plan_goal"."responsible_kind" = 'person' AND "plan_goal"."responsible_person_id" IS NOT NULL AND "plan_goal"."responsible_account_id" IS NULL) OR ("plan_goal"."responsible_kind" = 'account' AND "plan_goal"."responsible_account_id" IS NOT NULL AND "plan_goal"."responsible_person_id" IS NULL) OR ("plan_goal"."responsible_kind" = 'other' AND "plan_goal"."responsible_person_id" IS NULL AND "plan_goal"."responsible_account_id" IS NULL)),
	CONSTRAINT "plan_goal_review_check" CHECK (("plan_goal"."status" = 'open') = ("plan_goal"."reviewed_on" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "support_plan" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"case_file_id" uuid NOT NULL,
	"review_on" date NOT NULL,
	"last_reviewed_on" date,
	"created_by" uuid,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_statistic" ADD COLUMN "outcome" text;--> statement-breakpoint
ALTER TABLE "plan_goal" ADD CONSTRAINT "plan_goal_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_goal" ADD CONSTRAINT "plan_goal_plan_id_support_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."support_plan"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_goal" ADD CONSTRAINT "plan_goal_household_id_household_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."household"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_goal" ADD CONSTRAINT "plan_goal_responsible_person_id_person_id_fk" FOREIGN KEY ("responsible_person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_goal" ADD CONSTRAINT "plan_goal_responsible_account_id_account_id_fk" FOREIGN KEY ("responsible_account_id") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_goal" ADD CONSTRAINT "plan_goal_reviewed_by_account_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_plan" ADD CONSTRAINT "support_plan_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_plan" ADD CONSTRAINT "support_plan_household_id_household_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."household"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_plan" ADD CONSTRAINT "support_plan_case_file_id_case_file_id_fk" FOREIGN KEY ("case_file_id") REFERENCES "public"."case_file"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_plan" ADD CONSTRAINT "support_plan_created_by_account_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_plan" ADD CONSTRAINT "support_plan_updated_by_account_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "plan_goal_plan_idx" ON "plan_goal" USING btree ("plan_id","position");--> statement-breakpoint
CREATE INDEX "plan_goal_household_due_idx" ON "plan_goal" USING btree ("household_id","due_on");--> statement-breakpoint
CREATE UNIQUE INDEX "support_plan_case_file_key" ON "support_plan" USING btree ("case_file_id");--> statement-breakpoint
CREATE INDEX "support_plan_review_idx" ON "support_plan" USING btree ("organisation_id","review_on");--> statement-breakpoint
-- Support plans and their goals belong to the provider: tenant scope only, FORCE-d like the other
-- case tables. Plan reviews write anonymous statistics rows (source 'plan_review', the goal's
-- outcome), readable as a dimension of lotse_case_statistics (decision 0014).
-- Proved by server/modules/cases/plans.test.ts.
ALTER TABLE plan_goal ADD CONSTRAINT plan_goal_status_check CHECK (status IN ('open', 'achieved', 'partly_achieved', 'not_achieved'));
--> statement-breakpoint
ALTER TABLE plan_goal ADD CONSTRAINT plan_goal_responsible_kind_check CHECK (responsible_kind IN ('person', 'account', 'other'));
--> statement-breakpoint
ALTER TABLE support_plan ADD CONSTRAINT support_plan_version_check CHECK (version >= 1);
--> statement-breakpoint
ALTER TABLE support_plan ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE support_plan FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY support_plan_tenant ON support_plan
  USING (lotse_scope() = 'system' OR (lotse_scope() = 'tenant' AND organisation_id = lotse_current_org()))
  WITH CHECK (lotse_scope() = 'system' OR (lotse_scope() = 'tenant' AND organisation_id = lotse_current_org()));
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON support_plan TO lotse_app;
--> statement-breakpoint
REVOKE TRUNCATE ON support_plan FROM lotse_app;
--> statement-breakpoint
ALTER TABLE plan_goal ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE plan_goal FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY plan_goal_tenant ON plan_goal
  USING (lotse_scope() = 'system' OR (lotse_scope() = 'tenant' AND organisation_id = lotse_current_org()))
  WITH CHECK (lotse_scope() = 'system' OR (lotse_scope() = 'tenant' AND organisation_id = lotse_current_org()));
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON plan_goal TO lotse_app;
--> statement-breakpoint
REVOKE TRUNCATE ON plan_goal FROM lotse_app;
--> statement-breakpoint
ALTER TABLE case_statistic DROP CONSTRAINT case_statistic_source_check;
--> statement-breakpoint
ALTER TABLE case_statistic ADD CONSTRAINT case_statistic_source_check CHECK (source IN ('service_entry', 'quick_contact', 'assessment', 'plan_review'));
--> statement-breakpoint
ALTER TABLE case_statistic ADD CONSTRAINT case_statistic_outcome_check CHECK (outcome IS NULL OR outcome IN ('achieved', 'partly_achieved', 'not_achieved'));
--> statement-breakpoint
-- As in 0018_case_work, with the plan review's outcome as one more dimension.
CREATE OR REPLACE FUNCTION lotse_case_statistics(dimension text, from_month date, to_month date, min_cell integer DEFAULT 3)
RETURNS TABLE (region_code text, area_code text, block_code text, value text, contacts bigint, minutes bigint, persons bigint, alongside bigint, suppressed boolean)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF dimension NOT IN ('none', 'source', 'setting', 'language', 'interpreter', 'quarter_code', 'age_band', 'sex', 'residence_group', 'need_level', 'outcome') THEN
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
