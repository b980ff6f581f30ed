CREATE TABLE "specialist_criterion" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" jsonb NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "specialist_criterion_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "specialist_request" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"pseudonym" text NOT NULL,
	"kind" text DEFAULT 'initial' NOT NULL,
	"extends_id" uuid,
	"status" text DEFAULT 'draft' NOT NULL,
	"criteria" text[] NOT NULL,
	"forecast_hours" smallint NOT NULL,
	"justification" text NOT NULL,
	"created_by" uuid,
	"submitted_at" timestamp with time zone,
	"submitted_by" uuid,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	"approved_hours" smallint,
	"approved_from" date,
	"approved_until" date,
	"decision_reason" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "specialist_request_id_household_organisation_key" UNIQUE("id","household_id","organisation_id"),
	CONSTRAINT "specialist_request_forecast_check" CHECK ("specialist_request"."forecast_hours" BETWEEN 1 AND 2000),
	CONSTRAINT "specialist_request_criteria_check" CHECK (cardinality("specialist_request"."criteria") >= 1),
	CONSTRAINT "specialist_request_extension_check" CHECK (("specialist_request"."kind" = 'extension') = ("specialist_request"."extends_id" IS NOT NULL)),
	CONSTRAINT "specialist_request_submitted_check" CHECK ("specialist_request"."status" = 'draft' OR "specialist_request"."submitted_at" IS NOT NULL),
	CONSTRAINT "specialist_request_approved_check" CHECK ("specialist_request"."status" <> 'approved' OR ("specialist_request"."approved_hours" >= 1 AND "specialist_request"."approved_from" IS NOT NULL AND "specialist_request"."approved_until" >= "specialist_request"."approved_from" AND "specialist_request"."approved_until" < "specialist_request"."approved_from" + interval '12 months' AND "specialist_request"."decided_at" IS NOT NULL)),
	CONSTRAINT "specialist_request_rejected_check" CHECK ("specialist_request"."status" <> 'rejected' OR (length(btrim("specialist_request"."decision_reason")) > 0 AND "specialist_request"."decided_at" IS NOT NULL)),
	CONSTRAINT "specialist_request_version_check" CHECK ("specialist_request"."version" >= 1)
);
--> statement-breakpoint
ALTER TABLE "specialist_request" ADD CONSTRAINT "specialist_request_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "specialist_request" ADD CONSTRAINT "specialist_request_created_by_account_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "specialist_request" ADD CONSTRAINT "specialist_request_submitted_by_account_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "specialist_request" ADD CONSTRAINT "specialist_request_decided_by_account_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "specialist_request" ADD CONSTRAINT "specialist_request_household_fk" FOREIGN KEY ("household_id","organisation_id") REFERENCES "public"."household"("id","organisation_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "specialist_request" ADD CONSTRAINT "specialist_request_extends_fk" FOREIGN KEY ("extends_id","household_id","organisation_id") REFERENCES "public"."specialist_request"("id","household_id","organisation_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "specialist_request_household_idx" ON "specialist_request" USING btree ("household_id","created_at");--> statement-breakpoint
CREATE INDEX "specialist_request_region_status_idx" ON "specialist_request" USING btree ("region_code","status");--> statement-breakpoint
-- Fachleistung requests (decision 0015). The provider's tenant reads and writes its own rows; the
-- city scope (its coordinators) reads what was submitted or decided — never a draft, never the
-- household or anything else of the case file — and decides a submitted request. A trigger keeps
-- each side to its part: the provider never approves or rejects and changes nothing once submitted;
-- the city changes the decision's columns of a submitted request and nothing else. A request is
-- evidence of what the city funds: no DELETE for lotse_app. Proved by specialist-requests.test.ts.
ALTER TABLE specialist_request ADD CONSTRAINT specialist_request_kind_check CHECK (kind IN ('initial', 'extension'));
--> statement-breakpoint
ALTER TABLE specialist_request ADD CONSTRAINT specialist_request_status_check CHECK (status IN ('draft', 'submitted', 'approved', 'rejected'));
--> statement-breakpoint
ALTER TABLE specialist_request ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE specialist_request FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY specialist_request_tenant ON specialist_request
  USING (lotse_scope() = 'system' OR (lotse_scope() = 'tenant' AND organisation_id = lotse_current_org()))
  WITH CHECK (lotse_scope() = 'system' OR (lotse_scope() = 'tenant' AND organisation_id = lotse_current_org()));
--> statement-breakpoint
CREATE POLICY specialist_request_city_read ON specialist_request FOR SELECT
  USING (lotse_scope() = 'city' AND status <> 'draft');
--> statement-breakpoint
CREATE POLICY specialist_request_city_decide ON specialist_request FOR UPDATE
  USING (lotse_scope() = 'city' AND status = 'submitted')
  WITH CHECK (lotse_scope() = 'city' AND status IN ('approved', 'rejected'));
--> statement-breakpoint
CREATE OR REPLACE FUNCTION lotse_specialist_request_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF lotse_scope() = 'city' THEN
    IF TG_OP <> 'UPDATE' OR OLD.status <> 'submitted' OR NEW.status NOT IN ('approved', 'rejected')
      OR (NEW.organisation_id, NEW.household_id, NEW.region_code, NEW.pseudonym, NEW.kind, NEW.extends_id, NEW.criteria,
          NEW.forecast_hours, NEW.justification, NEW.created_by, NEW.submitted_at, NEW.submitted_by, NEW.created_at)
        IS DISTINCT FROM (OLD.organisation_id, OLD.household_id, OLD.region_code, OLD.pseudonym, OLD.kind, OLD.extends_id, OLD.criteria,
          OLD.forecast_hours, OLD.justification, OLD.created_by, OLD.submitted_at, OLD.submitted_by, OLD.created_at)
    THEN
      RAISE EXCEPTION 'the city decides a submitted request and changes nothing else' USING ERRCODE = 'insufficient_privilege';
    END IF;
  ELSIF lotse_scope() = 'tenant' THEN
    IF NEW.status NOT IN ('draft', 'submitted') OR NEW.decided_at IS NOT NULL OR NEW.decided_by IS NOT NULL
      OR NEW.approved_hours IS NOT NULL OR NEW.approved_from IS NOT NULL OR NEW.approved_until IS NOT NULL
      OR (TG_OP = 'UPDATE' AND OLD.status <> 'draft')
    THEN
      RAISE EXCEPTION 'only the city decides a request; a submitted request stays as it was sent' USING ERRCODE = 'insufficient_privilege';
    END IF;
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER specialist_request_guard BEFORE INSERT OR UPDATE ON specialist_request
  FOR EACH ROW EXECUTE FUNCTION lotse_specialist_request_guard();
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON specialist_request TO lotse_app;
--> statement-breakpoint
REVOKE DELETE, TRUNCATE ON specialist_request FROM lotse_app;
--> statement-breakpoint
-- The criteria catalog is reference data: everyone reads it, the city's administration edits it.
ALTER TABLE specialist_criterion ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE specialist_criterion FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY specialist_criterion_read ON specialist_criterion FOR SELECT USING (true);
--> statement-breakpoint
CREATE POLICY specialist_criterion_write ON specialist_criterion
  USING (lotse_scope() IN ('system', 'city'))
  WITH CHECK (lotse_scope() IN ('system', 'city'));
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON specialist_criterion TO lotse_app;
