ALTER TABLE "consent" ADD CONSTRAINT "consent_id_person_organisation_key" UNIQUE("id","person_id","organisation_id");--> statement-breakpoint
CREATE TABLE "referral" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"partner_id" uuid NOT NULL,
	"consent_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"state" text DEFAULT 'sent' NOT NULL,
	"sent_on" date NOT NULL,
	"follow_up_on" date,
	"outcome" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"state_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "referral_purpose_check" CHECK (length(btrim("referral"."purpose")) > 0),
	CONSTRAINT "referral_follow_up_check" CHECK ("referral"."follow_up_on" IS NULL OR "referral"."follow_up_on" >= "referral"."sent_on"),
	CONSTRAINT "referral_version_check" CHECK ("referral"."version" >= 1)
);
--> statement-breakpoint
CREATE TABLE "partner" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"contact" text DEFAULT '' NOT NULL,
	"archived_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partner_id_organisation_key" UNIQUE("id","organisation_id"),
	CONSTRAINT "partner_name_check" CHECK (length(btrim("partner"."name")) > 0),
	CONSTRAINT "partner_version_check" CHECK ("partner"."version" >= 1)
);
--> statement-breakpoint
ALTER TABLE "referral" ADD CONSTRAINT "referral_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral" ADD CONSTRAINT "referral_created_by_account_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral" ADD CONSTRAINT "referral_household_fk" FOREIGN KEY ("household_id","organisation_id") REFERENCES "public"."household"("id","organisation_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral" ADD CONSTRAINT "referral_person_fk" FOREIGN KEY ("person_id","household_id","organisation_id") REFERENCES "public"."person"("id","household_id","organisation_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral" ADD CONSTRAINT "referral_consent_fk" FOREIGN KEY ("consent_id","person_id","organisation_id") REFERENCES "public"."consent"("id","person_id","organisation_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral" ADD CONSTRAINT "referral_partner_fk" FOREIGN KEY ("partner_id","organisation_id") REFERENCES "public"."partner"("id","organisation_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner" ADD CONSTRAINT "partner_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner" ADD CONSTRAINT "partner_region_code_region_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."region"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "referral_household_idx" ON "referral" USING btree ("household_id","sent_on");--> statement-breakpoint
CREATE INDEX "referral_follow_up_idx" ON "referral" USING btree ("organisation_id","follow_up_on");--> statement-breakpoint
CREATE INDEX "partner_organisation_region_idx" ON "partner" USING btree ("organisation_id","region_code");--> statement-breakpoint
CREATE UNIQUE INDEX "partner_name_key" ON "partner" USING btree ("organisation_id","region_code",lower("name"));--> statement-breakpoint
-- Partners and referrals belong to the provider that keeps them: tenant scope only, FORCE-d like the
-- other case tables (the network is made public by a later issue). Same tenant by construction: a
-- referral's references include the provider (household, person of it, partner, the consent of that
-- person). Partners are archived and referrals kept as evidence: lotse_app never deletes either.
-- Proved by server/modules/network/network.test.ts and server/modules/cases/referrals.test.ts.
ALTER TABLE partner ADD CONSTRAINT partner_kind_check CHECK (kind IN ('language_course', 'jobcenter', 'health', 'kita_school', 'counselling', 'other'));
--> statement-breakpoint
ALTER TABLE referral ADD CONSTRAINT referral_state_check CHECK (state IN ('sent', 'accepted', 'done', 'rejected'));
--> statement-breakpoint
ALTER TABLE partner ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE partner FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY partner_tenant ON partner
  USING (lotse_scope() = 'system' OR (lotse_scope() = 'tenant' AND organisation_id = lotse_current_org()))
  WITH CHECK (lotse_scope() = 'system' OR (lotse_scope() = 'tenant' AND organisation_id = lotse_current_org()));
--> statement-breakpoint
ALTER TABLE referral ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE referral FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY referral_tenant ON referral
  USING (lotse_scope() = 'system' OR (lotse_scope() = 'tenant' AND organisation_id = lotse_current_org()))
  WITH CHECK (lotse_scope() = 'system' OR (lotse_scope() = 'tenant' AND organisation_id = lotse_current_org()));
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON partner, referral TO lotse_app;
--> statement-breakpoint
REVOKE DELETE, TRUNCATE ON partner, referral FROM lotse_app;
