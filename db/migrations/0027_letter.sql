CREATE TABLE "letter" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"person_id" uuid,
	"authority" text NOT NULL,
	"authority_name" text DEFAULT '' NOT NULL,
	"file_number" text DEFAULT '' NOT NULL,
	"received_on" date NOT NULL,
	"due_on" date,
	"state" text DEFAULT 'open' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"dealt_with_at" timestamp with time zone,
	"dealt_with_by" uuid,
	"content_type" text NOT NULL,
	"byte_size" integer NOT NULL,
	"uploaded_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "letter_id_organisation_key" UNIQUE("id","organisation_id"),
	CONSTRAINT "letter_dealt_with_check" CHECK (("letter"."state" = 'dealt_with') = ("letter"."dealt_with_at" IS NOT NULL)),
	CONSTRAINT "letter_byte_size_check" CHECK ("letter"."byte_size" > 0),
	CONSTRAINT "letter_version_check" CHECK ("letter"."version" >= 1)
);
--> statement-breakpoint
CREATE TABLE "letter_file" (
	"letter_id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"sealed" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "letter" ADD CONSTRAINT "letter_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letter" ADD CONSTRAINT "letter_dealt_with_by_account_id_fk" FOREIGN KEY ("dealt_with_by") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letter" ADD CONSTRAINT "letter_uploaded_by_account_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letter" ADD CONSTRAINT "letter_household_fk" FOREIGN KEY ("household_id","organisation_id") REFERENCES "public"."household"("id","organisation_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letter" ADD CONSTRAINT "letter_person_fk" FOREIGN KEY ("person_id","household_id","organisation_id") REFERENCES "public"."person"("id","household_id","organisation_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letter_file" ADD CONSTRAINT "letter_file_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letter_file" ADD CONSTRAINT "letter_file_letter_fk" FOREIGN KEY ("letter_id","organisation_id") REFERENCES "public"."letter"("id","organisation_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "letter_household_idx" ON "letter" USING btree ("household_id","received_on");--> statement-breakpoint
CREATE INDEX "letter_open_due_idx" ON "letter" USING btree ("organisation_id","due_on") WHERE "letter"."state" = 'open' and "letter"."due_on" is not null;--> statement-breakpoint
-- Letters belong to the provider that received them: tenant scope only, FORCE-d like the other case
-- tables; the sealed file the same. A letter is a record of the case file: lotse_app may add and
-- change (UPDATE) one, never delete it or its file (erasure after retention runs in the system scope).
-- Same tenant by construction: the references include the provider (as 0022 and 0023 do).
-- Proved by server/modules/cases/letters.test.ts.
ALTER TABLE letter ADD CONSTRAINT letter_authority_check CHECK (authority IN ('jobcenter', 'foreigners_office', 'family_benefits_office', 'social_welfare_office', 'health_insurance', 'school_kita', 'other'));
--> statement-breakpoint
ALTER TABLE letter ADD CONSTRAINT letter_state_check CHECK (state IN ('open', 'dealt_with'));
--> statement-breakpoint
ALTER TABLE letter ADD CONSTRAINT letter_content_type_check CHECK (content_type IN ('application/pdf', 'image/jpeg', 'image/png'));
--> statement-breakpoint
ALTER TABLE letter ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE letter FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY letter_tenant ON letter
  USING (lotse_scope() = 'system' OR (lotse_scope() = 'tenant' AND organisation_id = lotse_current_org()))
  WITH CHECK (lotse_scope() = 'system' OR (lotse_scope() = 'tenant' AND organisation_id = lotse_current_org()));
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON letter TO lotse_app;
--> statement-breakpoint
REVOKE DELETE, TRUNCATE ON letter FROM lotse_app;
--> statement-breakpoint
ALTER TABLE letter_file ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE letter_file FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY letter_file_tenant ON letter_file
  USING (lotse_scope() = 'system' OR (lotse_scope() = 'tenant' AND organisation_id = lotse_current_org()))
  WITH CHECK (lotse_scope() = 'system' OR (lotse_scope() = 'tenant' AND organisation_id = lotse_current_org()));
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON letter_file TO lotse_app;
--> statement-breakpoint
REVOKE DELETE, TRUNCATE ON letter_file FROM lotse_app;
