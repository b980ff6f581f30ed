CREATE TABLE "account_region" (
	"account_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	CONSTRAINT "account_region_account_id_region_code_pk" PRIMARY KEY("account_id","region_code")
);
--> statement-breakpoint
ALTER TABLE "account_region" ADD CONSTRAINT "account_region_account_id_account_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."account"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_region" ADD CONSTRAINT "account_region_region_code_region_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."region"("code") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
-- Region assignment of staff accounts: tenant-owned through the account, like account itself
-- (0002): an organisation sees and writes its own accounts' rows; the city's administration
-- (scope 'city') and named system use cases (the session look-up) all.
-- Proved by server/modules/identity/account-regions.test.ts.
ALTER TABLE account_region ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY account_region_tenant ON account_region
  USING (lotse_scope() IN ('system', 'city') OR EXISTS (SELECT 1 FROM account a WHERE a.id = account_id AND a.organisation_id = lotse_current_org()))
  WITH CHECK (lotse_scope() IN ('system', 'city') OR EXISTS (SELECT 1 FROM account a WHERE a.id = account_id AND a.organisation_id = lotse_current_org()));
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON account_region TO lotse_app;
--> statement-breakpoint
-- A counsellor or interpreter linked to a staff account links an account of the office's own
-- provider. The foreign key alone is checked past row-level security (any organisation's account
-- would pass); this trigger reads the account as the transaction's role, so under RLS a provider
-- sees only its own accounts. Proved by server/modules/appointments/appointments.resource-account.test.ts.
CREATE OR REPLACE FUNCTION lotse_resource_account_of_provider() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.account_id IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM account a JOIN office o ON o.provider_id = a.organisation_id
    WHERE a.id = NEW.account_id AND o.id = NEW.office_id
  ) THEN
    RAISE EXCEPTION 'the account of a counsellor or interpreter belongs to the office''s provider' USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER appointment_resource_account_of_provider BEFORE INSERT OR UPDATE OF account_id, office_id ON appointment_resource
  FOR EACH ROW EXECUTE FUNCTION lotse_resource_account_of_provider();
