CREATE TABLE "specialist_setting" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"threshold_hours" smallint NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "specialist_setting_single_check" CHECK ("specialist_setting"."id" = 1),
	CONSTRAINT "specialist_setting_threshold_check" CHECK ("specialist_setting"."threshold_hours" BETWEEN 1 AND 2000)
);
--> statement-breakpoint
ALTER TABLE "specialist_setting" ADD CONSTRAINT "specialist_setting_updated_by_account_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- The city's Fachleistung setting (decision 0016): everyone reads it, the city's administration
-- (city scope) and the seed set it; one row at most. Proved by specialist-requests.test.ts.
ALTER TABLE specialist_setting ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE specialist_setting FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY specialist_setting_read ON specialist_setting FOR SELECT USING (true);
--> statement-breakpoint
CREATE POLICY specialist_setting_insert ON specialist_setting FOR INSERT WITH CHECK (lotse_scope() IN ('system', 'city'));
--> statement-breakpoint
CREATE POLICY specialist_setting_update ON specialist_setting FOR UPDATE
  USING (lotse_scope() IN ('system', 'city')) WITH CHECK (lotse_scope() IN ('system', 'city'));
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON specialist_setting TO lotse_app;
--> statement-breakpoint
REVOKE DELETE, TRUNCATE ON specialist_setting FROM lotse_app;
