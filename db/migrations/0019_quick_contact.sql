CREATE TABLE "quick_contact" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"office_id" uuid NOT NULL,
	"occurred_on" date NOT NULL,
	"area_codes" text[] NOT NULL,
	"language" text NOT NULL,
	"interpreter" boolean DEFAULT false NOT NULL,
	"counted_persons" smallint NOT NULL,
	"minutes" smallint NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "quick_contact_areas_check" CHECK (cardinality("quick_contact"."area_codes") >= 1),
	CONSTRAINT "quick_contact_persons_check" CHECK ("quick_contact"."counted_persons" BETWEEN 1 AND 50 AND "quick_contact"."minutes" BETWEEN 1 AND 720)
);
--> statement-breakpoint
ALTER TABLE "quick_contact" ADD CONSTRAINT "quick_contact_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quick_contact" ADD CONSTRAINT "quick_contact_office_id_office_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."office"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quick_contact" ADD CONSTRAINT "quick_contact_created_by_account_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "quick_contact_office_day_idx" ON "quick_contact" USING btree ("office_id","occurred_on");--> statement-breakpoint
-- Quick contacts belong to the provider whose office took them: tenant scope only, FORCE-d.
-- Proved by server/modules/cases/quick-contacts.test.ts.
ALTER TABLE quick_contact ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE quick_contact FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY quick_contact_tenant ON quick_contact
  USING (lotse_scope() = 'system' OR (lotse_scope() = 'tenant' AND organisation_id = lotse_current_org()))
  WITH CHECK (lotse_scope() = 'system' OR (lotse_scope() = 'tenant' AND organisation_id = lotse_current_org()));
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON quick_contact TO lotse_app;
--> statement-breakpoint
REVOKE TRUNCATE ON quick_contact FROM lotse_app;
