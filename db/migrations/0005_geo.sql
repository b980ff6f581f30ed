CREATE TABLE "boundary_set" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"valid_from" date NOT NULL,
	"imported_at" timestamp with time zone NOT NULL,
	"unit_count" integer NOT NULL,
	"source" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "boundary_unit" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"set_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	"quarter_code" text,
	"member_code" text,
	"geometry" jsonb NOT NULL,
	"bbox" "box" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "street_directory_entry" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"street_key" text NOT NULL,
	"street" text NOT NULL,
	"number_from" integer NOT NULL,
	"number_to" integer NOT NULL,
	"parity" text NOT NULL,
	"postcode" text,
	"quarter_code" text NOT NULL,
	"member_code" text
);
--> statement-breakpoint
ALTER TABLE "boundary_unit" ADD CONSTRAINT "boundary_unit_set_id_boundary_set_id_fk" FOREIGN KEY ("set_id") REFERENCES "public"."boundary_set"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "boundary_set_valid_from_idx" ON "boundary_set" USING btree ("valid_from");--> statement-breakpoint
CREATE UNIQUE INDEX "boundary_unit_set_code_key" ON "boundary_unit" USING btree ("set_id","code");--> statement-breakpoint
CREATE INDEX "boundary_unit_bbox_idx" ON "boundary_unit" USING gist ("bbox");--> statement-breakpoint
CREATE INDEX "street_directory_entry_key_idx" ON "street_directory_entry" USING btree ("street_key");