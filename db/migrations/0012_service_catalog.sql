CREATE TABLE "catalog_service" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" jsonb NOT NULL,
	"description" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"block_id" uuid NOT NULL,
	"area_id" uuid NOT NULL,
	"counting" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "catalog_service_version_code" UNIQUE("version_id","code")
);
--> statement-breakpoint
CREATE TABLE "catalog_version" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" integer NOT NULL,
	"label" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"example" boolean DEFAULT false NOT NULL,
	"valid_from" date,
	"based_on_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_by" uuid,
	"published_at" timestamp with time zone,
	CONSTRAINT "catalog_version_number_unique" UNIQUE("number"),
	CONSTRAINT "catalog_version_published_check" CHECK ("catalog_version"."status" = 'draft' OR ("catalog_version"."valid_from" IS NOT NULL AND "catalog_version"."published_at" IS NOT NULL))
);
--> statement-breakpoint
ALTER TABLE "catalog_service" ADD CONSTRAINT "catalog_service_version_id_catalog_version_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."catalog_version"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_service" ADD CONSTRAINT "catalog_service_block_id_service_block_id_fk" FOREIGN KEY ("block_id") REFERENCES "public"."service_block"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_service" ADD CONSTRAINT "catalog_service_area_id_integration_area_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."integration_area"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_version" ADD CONSTRAINT "catalog_version_created_by_account_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_version" ADD CONSTRAINT "catalog_version_published_by_account_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_version" ADD CONSTRAINT "catalog_version_based_on_id_catalog_version_id_fk" FOREIGN KEY ("based_on_id") REFERENCES "public"."catalog_version"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "catalog_service_version_idx" ON "catalog_service" USING btree ("version_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "catalog_version_one_draft" ON "catalog_version" USING btree ("status") WHERE "catalog_version"."status" = 'draft';