CREATE TABLE "case_transfer" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"from_organisation_id" uuid NOT NULL,
	"to_organisation_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"from_region_code" text NOT NULL,
	"to_region_code" text NOT NULL,
	"package" text NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"started_by" uuid,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decline_reason" text DEFAULT '' NOT NULL,
	"received_household_id" uuid,
	"sender_closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_transfer_other_provider_check" CHECK ("case_transfer"."from_organisation_id" <> "case_transfer"."to_organisation_id"),
	CONSTRAINT "case_transfer_state_check" CHECK ("case_transfer"."state" IN ('pending', 'accepted', 'declined')),
	CONSTRAINT "case_transfer_decided_check" CHECK (("case_transfer"."state" = 'pending') = ("case_transfer"."decided_at" IS NULL)),
	CONSTRAINT "case_transfer_accepted_check" CHECK (("case_transfer"."state" = 'accepted') = ("case_transfer"."received_household_id" IS NOT NULL)),
	CONSTRAINT "case_transfer_declined_check" CHECK ("case_transfer"."state" <> 'declined' OR length(btrim("case_transfer"."decline_reason")) > 0),
	CONSTRAINT "case_transfer_version_check" CHECK ("case_transfer"."version" >= 1)
);
--> statement-breakpoint
ALTER TABLE "case_transfer" ADD CONSTRAINT "case_transfer_from_organisation_id_organisation_id_fk" FOREIGN KEY ("from_organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_transfer" ADD CONSTRAINT "case_transfer_to_organisation_id_organisation_id_fk" FOREIGN KEY ("to_organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_transfer" ADD CONSTRAINT "case_transfer_started_by_account_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_transfer" ADD CONSTRAINT "case_transfer_decided_by_account_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_transfer" ADD CONSTRAINT "case_transfer_household_fk" FOREIGN KEY ("household_id","from_organisation_id") REFERENCES "public"."household"("id","organisation_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_transfer" ADD CONSTRAINT "case_transfer_received_household_fk" FOREIGN KEY ("received_household_id","to_organisation_id") REFERENCES "public"."household"("id","organisation_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "case_transfer_pending_key" ON "case_transfer" USING btree ("household_id") WHERE "case_transfer"."state" = 'pending';--> statement-breakpoint
CREATE INDEX "case_transfer_incoming_idx" ON "case_transfer" USING btree ("to_organisation_id","state");--> statement-breakpoint
CREATE INDEX "case_transfer_outgoing_idx" ON "case_transfer" USING btree ("from_organisation_id","household_id");--> statement-breakpoint
-- Transfers (decision 0019): the one case table two tenants share. The sending and the receiving
-- provider see the row (policy on both ids), no third provider, never the city scope. Only the
-- sender inserts (a pending transfer of its own household, to another provider). A trigger keeps
-- each side to its columns: the receiver decides a pending transfer once (accepted with the
-- household it opened, or declined with a reason) and changes nothing else; the sender only notes
-- when it closed its case file after acceptance. A transfer is evidence: no DELETE for lotse_app.
-- Proved by server/modules/cases/transfers.test.ts.
ALTER TABLE case_transfer ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE case_transfer FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY case_transfer_parties ON case_transfer FOR SELECT
  USING (lotse_scope() = 'system' OR (lotse_scope() = 'tenant' AND lotse_current_org() IN (from_organisation_id, to_organisation_id)));
--> statement-breakpoint
CREATE POLICY case_transfer_start ON case_transfer FOR INSERT
  WITH CHECK (lotse_scope() = 'system' OR (lotse_scope() = 'tenant' AND from_organisation_id = lotse_current_org() AND state = 'pending'));
--> statement-breakpoint
CREATE POLICY case_transfer_update ON case_transfer FOR UPDATE
  USING (lotse_scope() = 'system' OR (lotse_scope() = 'tenant' AND lotse_current_org() IN (from_organisation_id, to_organisation_id)))
  WITH CHECK (lotse_scope() = 'system' OR (lotse_scope() = 'tenant' AND lotse_current_org() IN (from_organisation_id, to_organisation_id)));
--> statement-breakpoint
CREATE OR REPLACE FUNCTION lotse_case_transfer_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF lotse_scope() = 'system' THEN
    RETURN NEW;
  END IF;
  IF (NEW.id, NEW.from_organisation_id, NEW.to_organisation_id, NEW.household_id, NEW.from_region_code, NEW.to_region_code,
      NEW.package, NEW.started_by, NEW.created_at)
    IS DISTINCT FROM (OLD.id, OLD.from_organisation_id, OLD.to_organisation_id, OLD.household_id, OLD.from_region_code, OLD.to_region_code,
      OLD.package, OLD.started_by, OLD.created_at)
  THEN
    RAISE EXCEPTION 'a transfer keeps what was sent' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF lotse_current_org() = OLD.to_organisation_id THEN
    IF OLD.state <> 'pending' OR NEW.state NOT IN ('accepted', 'declined') OR NEW.sender_closed_at IS DISTINCT FROM OLD.sender_closed_at THEN
      RAISE EXCEPTION 'the receiver decides a pending transfer once' USING ERRCODE = 'insufficient_privilege';
    END IF;
  ELSE
    IF (NEW.state, NEW.decided_by, NEW.decided_at, NEW.decline_reason, NEW.received_household_id)
        IS DISTINCT FROM (OLD.state, OLD.decided_by, OLD.decided_at, OLD.decline_reason, OLD.received_household_id)
      OR OLD.state <> 'accepted' OR OLD.sender_closed_at IS NOT NULL
    THEN
      RAISE EXCEPTION 'the sender only notes the closure of its case file after acceptance' USING ERRCODE = 'insufficient_privilege';
    END IF;
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER case_transfer_guard BEFORE UPDATE ON case_transfer
  FOR EACH ROW EXECUTE FUNCTION lotse_case_transfer_guard();
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON case_transfer TO lotse_app;
--> statement-breakpoint
REVOKE DELETE, TRUNCATE ON case_transfer FROM lotse_app;
