CREATE TABLE "office_evidence_photo" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"office_id" uuid NOT NULL,
	"criterion" text NOT NULL,
	"content_type" text NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"bytes" "bytea" NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"uploaded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "quarter_population" (
	"as_of" date NOT NULL,
	"quarter_code" text NOT NULL,
	"population" integer NOT NULL,
	"imported_at" timestamp with time zone NOT NULL,
	CONSTRAINT "quarter_population_as_of_quarter_code_pk" PRIMARY KEY("as_of","quarter_code")
);
--> statement-breakpoint
ALTER TABLE "office_evidence_photo" ADD CONSTRAINT "office_evidence_photo_office_id_office_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."office"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "office_evidence_photo_office_idx" ON "office_evidence_photo" USING btree ("office_id");