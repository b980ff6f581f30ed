CREATE TABLE "appointment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"office_id" uuid NOT NULL,
	"type_id" uuid NOT NULL,
	"counsellor_id" uuid NOT NULL,
	"interpreter_id" uuid,
	"status" text NOT NULL,
	"channel" text NOT NULL,
	"code" text,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"blocked_from" timestamp with time zone NOT NULL,
	"blocked_to" timestamp with time zone NOT NULL,
	"language" text DEFAULT 'de' NOT NULL,
	"locale" text DEFAULT 'de' NOT NULL,
	"name_sealed" text,
	"email_sealed" text,
	"phone_sealed" text,
	"contact_key" text,
	"token_hash" text,
	"hold_expires_at" timestamp with time zone,
	"note_sealed" text,
	"booked_by_account_id" uuid,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"next_free_at" timestamp with time zone,
	"reminded_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"marked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "appointment_period_check" CHECK ("appointment"."ends_at" > "appointment"."starts_at" AND "appointment"."blocked_from" <= "appointment"."starts_at" AND "appointment"."blocked_to" >= "appointment"."ends_at"),
	CONSTRAINT "appointment_hold_check" CHECK (("appointment"."status" = 'held') = ("appointment"."hold_expires_at" IS NOT NULL)),
	CONSTRAINT "appointment_code_check" CHECK ("appointment"."status" = 'held' OR "appointment"."code" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "appointment_idempotency" (
	"key" text PRIMARY KEY NOT NULL,
	"provider_id" uuid NOT NULL,
	"request_hash" text NOT NULL,
	"appointment_id" uuid NOT NULL,
	"response_sealed" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "appointment_resource" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"office_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"account_id" uuid,
	"display_name" text NOT NULL,
	"languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "appointment_type" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"office_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"duration_minutes" smallint NOT NULL,
	"buffer_before_minutes" smallint DEFAULT 0 NOT NULL,
	"buffer_after_minutes" smallint DEFAULT 0 NOT NULL,
	"min_notice_minutes" integer DEFAULT 120 NOT NULL,
	"horizon_days" smallint DEFAULT 28 NOT NULL,
	"web_per_day" smallint,
	"cancel_notice_minutes" integer DEFAULT 120 NOT NULL,
	"slot_step_minutes" smallint DEFAULT 30 NOT NULL,
	"languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"walk_in" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "appointment_type_duration_check" CHECK ("appointment_type"."duration_minutes" BETWEEN 5 AND 480),
	CONSTRAINT "appointment_type_buffers_check" CHECK ("appointment_type"."buffer_before_minutes" >= 0 AND "appointment_type"."buffer_after_minutes" >= 0),
	CONSTRAINT "appointment_type_step_check" CHECK ("appointment_type"."slot_step_minutes" BETWEEN 5 AND 240)
);
--> statement-breakpoint
CREATE TABLE "office_closure" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"office_id" uuid NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	CONSTRAINT "office_closure_period_check" CHECK ("office_closure"."ends_on" >= "office_closure"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "resource_absence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"office_id" uuid NOT NULL,
	"resource_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	CONSTRAINT "resource_absence_period_check" CHECK ("resource_absence"."ends_at" > "resource_absence"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "resource_availability" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"office_id" uuid NOT NULL,
	"resource_id" uuid NOT NULL,
	"weekday" smallint NOT NULL,
	"starts" time NOT NULL,
	"ends" time NOT NULL,
	"valid_from" date,
	"valid_to" date,
	CONSTRAINT "resource_availability_weekday_check" CHECK ("resource_availability"."weekday" BETWEEN 1 AND 7),
	CONSTRAINT "resource_availability_interval_check" CHECK ("resource_availability"."ends" > "resource_availability"."starts")
);
--> statement-breakpoint
CREATE TABLE "waitlist_entry" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"office_id" uuid NOT NULL,
	"type_id" uuid NOT NULL,
	"language" text DEFAULT 'de' NOT NULL,
	"locale" text DEFAULT 'de' NOT NULL,
	"name_sealed" text NOT NULL,
	"email_sealed" text NOT NULL,
	"phone_sealed" text,
	"contact_key" text NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date NOT NULL,
	"status" text DEFAULT 'waiting' NOT NULL,
	"offered_appointment_id" uuid,
	"offered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "waitlist_entry_period_check" CHECK ("waitlist_entry"."to_date" >= "waitlist_entry"."from_date")
);
--> statement-breakpoint
ALTER TABLE "appointment" ADD CONSTRAINT "appointment_provider_id_organisation_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment" ADD CONSTRAINT "appointment_office_id_office_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."office"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment" ADD CONSTRAINT "appointment_type_id_appointment_type_id_fk" FOREIGN KEY ("type_id") REFERENCES "public"."appointment_type"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment" ADD CONSTRAINT "appointment_counsellor_id_appointment_resource_id_fk" FOREIGN KEY ("counsellor_id") REFERENCES "public"."appointment_resource"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment" ADD CONSTRAINT "appointment_interpreter_id_appointment_resource_id_fk" FOREIGN KEY ("interpreter_id") REFERENCES "public"."appointment_resource"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment" ADD CONSTRAINT "appointment_booked_by_account_id_account_id_fk" FOREIGN KEY ("booked_by_account_id") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_idempotency" ADD CONSTRAINT "appointment_idempotency_provider_id_organisation_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_idempotency" ADD CONSTRAINT "appointment_idempotency_appointment_id_appointment_id_fk" FOREIGN KEY ("appointment_id") REFERENCES "public"."appointment"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_resource" ADD CONSTRAINT "appointment_resource_office_id_office_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."office"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_resource" ADD CONSTRAINT "appointment_resource_account_id_account_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_type" ADD CONSTRAINT "appointment_type_office_id_office_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."office"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "office_closure" ADD CONSTRAINT "office_closure_office_id_office_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."office"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_absence" ADD CONSTRAINT "resource_absence_office_id_office_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."office"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_absence" ADD CONSTRAINT "resource_absence_resource_id_appointment_resource_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."appointment_resource"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_availability" ADD CONSTRAINT "resource_availability_office_id_office_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."office"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_availability" ADD CONSTRAINT "resource_availability_resource_id_appointment_resource_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."appointment_resource"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waitlist_entry" ADD CONSTRAINT "waitlist_entry_provider_id_organisation_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waitlist_entry" ADD CONSTRAINT "waitlist_entry_office_id_office_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."office"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waitlist_entry" ADD CONSTRAINT "waitlist_entry_type_id_appointment_type_id_fk" FOREIGN KEY ("type_id") REFERENCES "public"."appointment_type"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waitlist_entry" ADD CONSTRAINT "waitlist_entry_offered_appointment_id_appointment_id_fk" FOREIGN KEY ("offered_appointment_id") REFERENCES "public"."appointment"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "appointment_code_key" ON "appointment" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "appointment_token_hash_key" ON "appointment" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "appointment_office_start_idx" ON "appointment" USING btree ("office_id","starts_at");--> statement-breakpoint
CREATE INDEX "appointment_contact_idx" ON "appointment" USING btree ("contact_key");--> statement-breakpoint
CREATE INDEX "appointment_provider_idx" ON "appointment" USING btree ("provider_id");--> statement-breakpoint
CREATE INDEX "appointment_idempotency_expires_idx" ON "appointment_idempotency" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "appointment_resource_office_idx" ON "appointment_resource" USING btree ("office_id");--> statement-breakpoint
CREATE INDEX "appointment_type_office_idx" ON "appointment_type" USING btree ("office_id");--> statement-breakpoint
CREATE INDEX "office_closure_office_idx" ON "office_closure" USING btree ("office_id");--> statement-breakpoint
CREATE INDEX "resource_absence_resource_idx" ON "resource_absence" USING btree ("resource_id");--> statement-breakpoint
CREATE INDEX "resource_availability_resource_idx" ON "resource_availability" USING btree ("resource_id");--> statement-breakpoint
CREATE INDEX "resource_availability_office_idx" ON "resource_availability" USING btree ("office_id");--> statement-breakpoint
CREATE INDEX "waitlist_entry_office_idx" ON "waitlist_entry" USING btree ("office_id","type_id","status");