CREATE TABLE "gtfs_departure_hour" (
	"stop_id" text NOT NULL,
	"weekday" smallint NOT NULL,
	"hour" smallint NOT NULL,
	"departures" integer NOT NULL,
	CONSTRAINT "gtfs_departure_hour_stop_id_weekday_hour_pk" PRIMARY KEY("stop_id","weekday","hour")
);
--> statement-breakpoint
CREATE TABLE "gtfs_stop" (
	"stop_id" text PRIMARY KEY NOT NULL,
	"code" text DEFAULT '' NOT NULL,
	"name" text NOT NULL,
	"lat" double precision NOT NULL,
	"lon" double precision NOT NULL,
	"lines" text[] DEFAULT '{}'::text[] NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "office" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"region_id" uuid NOT NULL,
	"predecessor_id" uuid,
	"name" text NOT NULL,
	"street" text NOT NULL,
	"house_number" text NOT NULL,
	"postcode" text NOT NULL,
	"city" text NOT NULL,
	"lat" double precision NOT NULL,
	"lon" double precision NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"email" text DEFAULT '' NOT NULL,
	"web" text DEFAULT '' NOT NULL,
	"languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"accessibility" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"site_assessment" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "office_period_check" CHECK ("office"."valid_to" IS NULL OR "office"."valid_to" > "office"."valid_from"),
	CONSTRAINT "office_lat_check" CHECK ("office"."lat" BETWEEN -90 AND 90),
	CONSTRAINT "office_lon_check" CHECK ("office"."lon" BETWEEN -180 AND 180)
);
--> statement-breakpoint
CREATE TABLE "office_hours_exception" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"office_id" uuid NOT NULL,
	"date" date NOT NULL,
	"closed" boolean DEFAULT true NOT NULL,
	"opens" time,
	"closes" time,
	"note" text DEFAULT '' NOT NULL,
	CONSTRAINT "office_hours_exception_shape_check" CHECK (("office_hours_exception"."closed" AND "office_hours_exception"."opens" IS NULL AND "office_hours_exception"."closes" IS NULL) OR (NOT "office_hours_exception"."closed" AND "office_hours_exception"."opens" IS NOT NULL AND "office_hours_exception"."closes" > "office_hours_exception"."opens"))
);
--> statement-breakpoint
CREATE TABLE "office_opening_hours" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"office_id" uuid NOT NULL,
	"weekday" smallint NOT NULL,
	"opens" time NOT NULL,
	"closes" time NOT NULL,
	"kind" text DEFAULT 'open' NOT NULL,
	"valid_from" date,
	"valid_to" date,
	CONSTRAINT "office_opening_hours_weekday_check" CHECK ("office_opening_hours"."weekday" BETWEEN 1 AND 7),
	CONSTRAINT "office_opening_hours_interval_check" CHECK ("office_opening_hours"."closes" > "office_opening_hours"."opens")
);
--> statement-breakpoint
ALTER TABLE "gtfs_departure_hour" ADD CONSTRAINT "gtfs_departure_hour_stop_id_gtfs_stop_stop_id_fk" FOREIGN KEY ("stop_id") REFERENCES "public"."gtfs_stop"("stop_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "office" ADD CONSTRAINT "office_provider_id_organisation_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "office" ADD CONSTRAINT "office_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "office_hours_exception" ADD CONSTRAINT "office_hours_exception_office_id_office_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."office"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "office_opening_hours" ADD CONSTRAINT "office_opening_hours_office_id_office_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."office"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "gtfs_stop_lat_lon_idx" ON "gtfs_stop" USING btree ("lat","lon");--> statement-breakpoint
CREATE INDEX "office_provider_idx" ON "office" USING btree ("provider_id");--> statement-breakpoint
CREATE INDEX "office_region_idx" ON "office" USING btree ("region_id");--> statement-breakpoint
CREATE INDEX "office_hours_exception_office_date_idx" ON "office_hours_exception" USING btree ("office_id","date");--> statement-breakpoint
CREATE INDEX "office_opening_hours_office_idx" ON "office_opening_hours" USING btree ("office_id");