CREATE TABLE "consent" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"recipient_kind" text NOT NULL,
	"recipient" text NOT NULL,
	"given_on" date NOT NULL,
	"method" text NOT NULL,
	"witness_name" text DEFAULT '' NOT NULL,
	"valid_until" date,
	"recorded_by" uuid,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consent_recipient_check" CHECK (length(btrim("consent"."recipient")) > 0),
	CONSTRAINT "consent_witness_check" CHECK (("consent"."method" = 'verbal_witnessed') = (length(btrim("consent"."witness_name")) > 0)),
	CONSTRAINT "consent_valid_until_check" CHECK ("consent"."valid_until" IS NULL OR "consent"."valid_until" >= "consent"."given_on"),
	CONSTRAINT "consent_withdrawn_check" CHECK ("consent"."withdrawn_by" IS NULL OR "consent"."withdrawn_at" IS NOT NULL),
	CONSTRAINT "consent_version_check" CHECK ("consent"."version" >= 1)
);
--> statement-breakpoint
ALTER TABLE "consent" ADD CONSTRAINT "consent_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent" ADD CONSTRAINT "consent_recorded_by_account_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent" ADD CONSTRAINT "consent_withdrawn_by_account_id_fk" FOREIGN KEY ("withdrawn_by") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent" ADD CONSTRAINT "consent_household_fk" FOREIGN KEY ("household_id","organisation_id") REFERENCES "public"."household"("id","organisation_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent" ADD CONSTRAINT "consent_person_fk" FOREIGN KEY ("person_id","household_id","organisation_id") REFERENCES "public"."person"("id","household_id","organisation_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consent_household_idx" ON "consent" USING btree ("household_id","given_on");--> statement-breakpoint
CREATE INDEX "consent_person_idx" ON "consent" USING btree ("person_id","purpose");--> statement-breakpoint
-- Consents belong to the provider that recorded them: tenant scope only, FORCE-d like the other case
-- tables. A consent is evidence: lotse_app may record and withdraw (UPDATE) but never delete one.
-- Same tenant by construction: the references include the provider (as 0022 does for appointments).
-- Proved by server/modules/cases/consents.test.ts.
ALTER TABLE consent ADD CONSTRAINT consent_purpose_check CHECK (purpose IN ('referral', 'transfer', 'exchange'));
--> statement-breakpoint
ALTER TABLE consent ADD CONSTRAINT consent_recipient_kind_check CHECK (recipient_kind IN ('partner', 'receiving_provider'));
--> statement-breakpoint
ALTER TABLE consent ADD CONSTRAINT consent_method_check CHECK (method IN ('signed_paper', 'verbal_witnessed'));
--> statement-breakpoint
ALTER TABLE consent ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE consent FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY consent_tenant ON consent
  USING (lotse_scope() = 'system' OR (lotse_scope() = 'tenant' AND organisation_id = lotse_current_org()))
  WITH CHECK (lotse_scope() = 'system' OR (lotse_scope() = 'tenant' AND organisation_id = lotse_current_org()));
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON consent TO lotse_app;
--> statement-breakpoint
REVOKE DELETE, TRUNCATE ON consent FROM lotse_app;
