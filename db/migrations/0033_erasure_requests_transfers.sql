ALTER TABLE "specialist_request" DROP CONSTRAINT "specialist_request_rejected_check";--> statement-breakpoint
ALTER TABLE "case_transfer" DROP CONSTRAINT "case_transfer_accepted_check";--> statement-breakpoint
ALTER TABLE "specialist_request" ALTER COLUMN "household_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "case_transfer" ALTER COLUMN "household_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "case_transfer" ALTER COLUMN "package" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "specialist_request" ADD CONSTRAINT "specialist_request_rejected_check" CHECK ("specialist_request"."status" <> 'rejected' OR (("specialist_request"."household_id" IS NULL OR length(btrim("specialist_request"."decision_reason")) > 0) AND "specialist_request"."decided_at" IS NOT NULL));--> statement-breakpoint
ALTER TABLE "case_transfer" ADD CONSTRAINT "case_transfer_accepted_check" CHECK (("case_transfer"."state" = 'accepted') = ("case_transfer"."received_household_id" IS NOT NULL) OR ("case_transfer"."state" = 'accepted' AND "case_transfer"."package" IS NULL));--> statement-breakpoint
-- Erasure (decision 0021) reaches Fachleistung requests and transfers. A request stays as the
-- city's anonymous figures: its household link, justification and decision reason go; pseudonym,
-- criteria, hours, dates, state and region stay. A transfer stays as the record that one happened:
-- its sealed package goes (it holds the people; also when one person of it is erased) and, with the
-- whole household, the erasing side's household link. Each guard
-- admits exactly that update in the provider's tenant scope (the erasure's own transaction) and
-- nothing else; an anonymised request or an erased transfer never changes again in the tenant
-- scope. Proved by subject-access.test.ts and retention.test.ts.
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
    IF NEW.household_id IS NULL THEN
      -- The erasure: the household link and the free text go, every figure stays; once only.
      IF TG_OP <> 'UPDATE' OR OLD.household_id IS NULL OR NEW.justification <> '' OR NEW.decision_reason <> ''
        OR (NEW.id, NEW.organisation_id, NEW.region_code, NEW.pseudonym, NEW.kind, NEW.extends_id, NEW.status, NEW.criteria,
            NEW.forecast_hours, NEW.created_by, NEW.submitted_at, NEW.submitted_by, NEW.decided_at, NEW.decided_by,
            NEW.approved_hours, NEW.approved_from, NEW.approved_until, NEW.created_at)
          IS DISTINCT FROM (OLD.id, OLD.organisation_id, OLD.region_code, OLD.pseudonym, OLD.kind, OLD.extends_id, OLD.status, OLD.criteria,
            OLD.forecast_hours, OLD.created_by, OLD.submitted_at, OLD.submitted_by, OLD.decided_at, OLD.decided_by,
            OLD.approved_hours, OLD.approved_from, OLD.approved_until, OLD.created_at)
      THEN
        RAISE EXCEPTION 'an erasure removes the household and the free text of a request and nothing else' USING ERRCODE = 'insufficient_privilege';
      END IF;
      RETURN NEW;
    END IF;
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
CREATE OR REPLACE FUNCTION lotse_case_transfer_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF lotse_scope() = 'system' THEN
    RETURN NEW;
  END IF;
  IF NEW.package IS NULL THEN
    -- An erasure on one side: the package goes (it names the people), with that side's household link when the
    -- whole household goes; nothing else, and once per side.
    IF (NEW.id, NEW.from_organisation_id, NEW.to_organisation_id, NEW.from_region_code, NEW.to_region_code, NEW.state,
        NEW.started_by, NEW.decided_by, NEW.decided_at, NEW.decline_reason, NEW.sender_closed_at, NEW.created_at)
      IS DISTINCT FROM (OLD.id, OLD.from_organisation_id, OLD.to_organisation_id, OLD.from_region_code, OLD.to_region_code, OLD.state,
        OLD.started_by, OLD.decided_by, OLD.decided_at, OLD.decline_reason, OLD.sender_closed_at, OLD.created_at)
      OR NOT (
        (lotse_current_org() = OLD.from_organisation_id AND NEW.received_household_id IS NOT DISTINCT FROM OLD.received_household_id
          AND (NEW.household_id IS NULL OR NEW.household_id = OLD.household_id)
          AND (OLD.package IS NOT NULL OR (OLD.household_id IS NOT NULL AND NEW.household_id IS NULL)))
        OR (lotse_current_org() = OLD.to_organisation_id AND NEW.household_id IS NOT DISTINCT FROM OLD.household_id
          AND (NEW.received_household_id IS NULL OR NEW.received_household_id = OLD.received_household_id)
          AND (OLD.package IS NOT NULL OR (OLD.received_household_id IS NOT NULL AND NEW.received_household_id IS NULL))))
    THEN
      RAISE EXCEPTION 'an erasure clears the package and its own household of a transfer and nothing else' USING ERRCODE = 'insufficient_privilege';
    END IF;
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
