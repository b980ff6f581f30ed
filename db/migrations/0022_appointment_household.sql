-- A staff booking made from a household's case file names the household (and the person it is for).
-- Same tenant by construction: the references include the provider, so an appointment can only name a
-- household of its own provider and a person of that household (the unique keys on household and person
-- are their targets and come first). Row-level security of appointment stays as it is (provider_id).
-- Proved by server/modules/appointments/household-appointments.test.ts.
ALTER TABLE "household" ADD CONSTRAINT "household_id_organisation_key" UNIQUE("id","organisation_id");--> statement-breakpoint
ALTER TABLE "person" ADD CONSTRAINT "person_id_household_organisation_key" UNIQUE("id","household_id","organisation_id");--> statement-breakpoint
ALTER TABLE "appointment" ADD COLUMN "household_id" uuid;--> statement-breakpoint
ALTER TABLE "appointment" ADD COLUMN "person_id" uuid;--> statement-breakpoint
ALTER TABLE "appointment" ADD CONSTRAINT "appointment_household_fk" FOREIGN KEY ("household_id","provider_id") REFERENCES "public"."household"("id","organisation_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment" ADD CONSTRAINT "appointment_person_fk" FOREIGN KEY ("person_id","household_id","provider_id") REFERENCES "public"."person"("id","household_id","organisation_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "appointment_household_start_idx" ON "appointment" USING btree ("household_id","starts_at");--> statement-breakpoint
ALTER TABLE "appointment" ADD CONSTRAINT "appointment_person_household_check" CHECK ("appointment"."person_id" IS NULL OR "appointment"."household_id" IS NOT NULL);
