CREATE TABLE "service_block" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" jsonb NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "service_block_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "office_integration_area" (
	"office_id" uuid NOT NULL,
	"integration_area_id" uuid NOT NULL,
	CONSTRAINT "office_integration_area_office_id_integration_area_id_pk" PRIMARY KEY("office_id","integration_area_id")
);
--> statement-breakpoint
CREATE TABLE "office_service_block" (
	"office_id" uuid NOT NULL,
	"service_block_id" uuid NOT NULL,
	CONSTRAINT "office_service_block_office_id_service_block_id_pk" PRIMARY KEY("office_id","service_block_id")
);
--> statement-breakpoint
ALTER TABLE "office_integration_area" ADD CONSTRAINT "office_integration_area_office_id_office_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."office"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "office_integration_area" ADD CONSTRAINT "office_integration_area_integration_area_id_integration_area_id_fk" FOREIGN KEY ("integration_area_id") REFERENCES "public"."integration_area"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "office_service_block" ADD CONSTRAINT "office_service_block_office_id_office_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."office"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "office_service_block" ADD CONSTRAINT "office_service_block_service_block_id_service_block_id_fk" FOREIGN KEY ("service_block_id") REFERENCES "public"."service_block"("id") ON DELETE no action ON UPDATE no action;