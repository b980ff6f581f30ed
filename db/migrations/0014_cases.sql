CREATE TABLE "case_assignment" (
	"case_file_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"assigned_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_assignment_case_file_id_account_id_pk" PRIMARY KEY("case_file_id","account_id")
);
--> statement-breakpoint
CREATE TABLE "case_file" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"last_contact_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"close_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "household" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"accommodation" text NOT NULL,
	"accommodation_name" text DEFAULT '' NOT NULL,
	"street" text DEFAULT '' NOT NULL,
	"house_number" text DEFAULT '' NOT NULL,
	"postcode" text DEFAULT '' NOT NULL,
	"quarter_code" text,
	"member_code" text,
	"region_code" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "person" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"relationship" text NOT NULL,
	"family_name" text NOT NULL,
	"given_names" text NOT NULL,
	"family_name_original" text DEFAULT '' NOT NULL,
	"given_names_original" text DEFAULT '' NOT NULL,
	"other_spellings" text[] DEFAULT '{}'::text[] NOT NULL,
	"birth_year" smallint,
	"birth_month" smallint,
	"birth_day" smallint,
	"sex" text,
	"nationalities" text[] DEFAULT '{}'::text[] NOT NULL,
	"languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"interpreter_needed" boolean DEFAULT false NOT NULL,
	"residence_status_code" text,
	"residence_paragraph" text DEFAULT '' NOT NULL,
	"residence_expires_on" date,
	"arrived_on" date,
	"assigned_on" date,
	"merged_into_id" uuid,
	"merged_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "person_birth_month_check" CHECK ("person"."birth_month" IS NULL OR ("person"."birth_year" IS NOT NULL AND "person"."birth_month" BETWEEN 1 AND 12)),
	CONSTRAINT "person_birth_day_check" CHECK ("person"."birth_day" IS NULL OR ("person"."birth_month" IS NOT NULL AND "person"."birth_day" BETWEEN 1 AND 31)),
	CONSTRAINT "person_birth_year_check" CHECK ("person"."birth_year" IS NULL OR "person"."birth_year" BETWEEN 1900 AND 2100),
	CONSTRAINT "person_merge_check" CHECK (("person"."merged_into_id" IS NULL) = ("person"."merged_at" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "person_name_key" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"spelling" text NOT NULL,
	"latin" text NOT NULL,
	"skeleton" text NOT NULL,
	"phonetic" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "residence_status" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" jsonb NOT NULL,
	"group" text NOT NULL,
	"paragraph_required" boolean DEFAULT false NOT NULL,
	"expires" boolean DEFAULT true NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "residence_status_code_unique" UNIQUE("code")
);
--> statement-breakpoint
ALTER TABLE "case_assignment" ADD CONSTRAINT "case_assignment_case_file_id_case_file_id_fk" FOREIGN KEY ("case_file_id") REFERENCES "public"."case_file"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_assignment" ADD CONSTRAINT "case_assignment_account_id_account_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_assignment" ADD CONSTRAINT "case_assignment_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_file" ADD CONSTRAINT "case_file_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_file" ADD CONSTRAINT "case_file_household_id_household_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."household"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household" ADD CONSTRAINT "household_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person" ADD CONSTRAINT "person_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person" ADD CONSTRAINT "person_household_id_household_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."household"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person" ADD CONSTRAINT "person_residence_status_code_residence_status_code_fk" FOREIGN KEY ("residence_status_code") REFERENCES "public"."residence_status"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_name_key" ADD CONSTRAINT "person_name_key_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_name_key" ADD CONSTRAINT "person_name_key_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_assignment_account_idx" ON "case_assignment" USING btree ("account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "case_file_household_key" ON "case_file" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "household_organisation_region_idx" ON "household" USING btree ("organisation_id","region_code");--> statement-breakpoint
CREATE INDEX "person_household_idx" ON "person" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "person_organisation_birth_year_idx" ON "person" USING btree ("organisation_id","birth_year");--> statement-breakpoint
CREATE INDEX "person_name_key_person_idx" ON "person_name_key" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "person_name_key_latin_trgm_idx" ON "person_name_key" USING gin ("latin" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "person_name_key_skeleton_trgm_idx" ON "person_name_key" USING gin ("skeleton" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "person_name_key_phonetic_trgm_idx" ON "person_name_key" USING gin ("phonetic" gin_trgm_ops);