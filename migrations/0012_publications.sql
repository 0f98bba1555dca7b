CREATE TABLE "publications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"category" text NOT NULL,
	"status" text NOT NULL,
	"decided_on" date NOT NULL,
	"due_on" date,
	"document_number" text,
	"party_name" text,
	"notice" jsonb,
	"notice_hash" text,
	"redactions" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"search_tokens" text[] DEFAULT '{}' NOT NULL,
	"published_on" date,
	"published_at" timestamp with time zone,
	"published_by" uuid,
	"period_months" integer,
	"period_until" date,
	"withheld_on" date,
	"withheld_reason" text,
	"withheld_note" text,
	"withdrawal_reason" text,
	"withdrawal_note" text,
	"withdrawal_trigger_on" date,
	"withdrawal_due_on" date,
	"withdrawn_on" date,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_by" uuid,
	"removed_on" date,
	"removal_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "publications_case_uq" UNIQUE("case_id")
);
--> statement-breakpoint
CREATE INDEX "publications_status_idx" ON "publications" USING btree ("status","published_on");--> statement-breakpoint
CREATE INDEX "publications_agency_idx" ON "publications" USING btree ("agency_id");--> statement-breakpoint
CREATE INDEX "publications_search_idx" ON "publications" USING gin ("search_tokens");--> statement-breakpoint
-- Nothing published is ever deleted (P9, P11): a withdrawal, an expiry or an early removal is recorded on
-- the row, so the record of what the public was shown survives.
CREATE OR REPLACE FUNCTION publications_refuse_delete() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'publications are never deleted (% refused)', TG_OP;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER publications_never_deleted
  BEFORE DELETE ON publications
  FOR EACH ROW EXECUTE FUNCTION publications_refuse_delete();
