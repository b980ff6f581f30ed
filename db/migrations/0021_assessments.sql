CREATE TABLE "need_assessment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"case_file_id" uuid NOT NULL,
	"person_id" uuid,
	"area_code" text NOT NULL,
	"level" text NOT NULL,
	"assessed_on" date NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"note_sealed" boolean DEFAULT false NOT NULL,
	"sensitive" boolean DEFAULT false NOT NULL,
	"assessed_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "need_assessment_version_check" CHECK ("need_assessment"."version" >= 1)
);
--> statement-breakpoint
ALTER TABLE "person" ADD COLUMN "integration_course_on" date;--> statement-breakpoint
ALTER TABLE "person" ADD COLUMN "school_start_on" date;--> statement-breakpoint
ALTER TABLE "need_assessment" ADD CONSTRAINT "need_assessment_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_assessment" ADD CONSTRAINT "need_assessment_household_id_household_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."household"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_assessment" ADD CONSTRAINT "need_assessment_case_file_id_case_file_id_fk" FOREIGN KEY ("case_file_id") REFERENCES "public"."case_file"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_assessment" ADD CONSTRAINT "need_assessment_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_assessment" ADD CONSTRAINT "need_assessment_assessed_by_account_id_fk" FOREIGN KEY ("assessed_by") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "need_assessment_household_idx" ON "need_assessment" USING btree ("household_id","area_code","assessed_on");--> statement-breakpoint
-- Needs assessments belong to the provider: tenant scope only, FORCE-d like the other case tables.
-- Each assessment writes an anonymous statistics row (source 'assessment', the need level found;
-- decision 0014). Proved by server/modules/cases/assessments.test.ts.
ALTER TABLE need_assessment ADD CONSTRAINT need_assessment_level_check CHECK (level IN ('none', 'low', 'medium', 'high', 'acute'));
--> statement-breakpoint
ALTER TABLE need_assessment ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE need_assessment FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY need_assessment_tenant ON need_assessment
  USING (lotse_scope() = 'system' OR (lotse_scope() = 'tenant' AND organisation_id = lotse_current_org()))
  WITH CHECK (lotse_scope() = 'system' OR (lotse_scope() = 'tenant' AND organisation_id = lotse_current_org()));
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON need_assessment TO lotse_app;
--> statement-breakpoint
REVOKE TRUNCATE ON need_assessment FROM lotse_app;
--> statement-breakpoint
ALTER TABLE case_statistic ADD CONSTRAINT case_statistic_need_level_check CHECK (need_level IS NULL OR need_level IN ('none', 'low', 'medium', 'high', 'acute'));
