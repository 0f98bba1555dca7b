CREATE TABLE "review_catalogue_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"effective_from" date NOT NULL,
	"entries" jsonb NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "review_catalogue_versions_agency_version_uq" UNIQUE("agency_id","version")
);
--> statement-breakpoint
ALTER TABLE "officers" ADD COLUMN "legal_qualification_no" text;--> statement-breakpoint
ALTER TABLE "officers" ADD COLUMN "reviewing_since" date;--> statement-breakpoint
-- A saved catalogue version is never rewritten (a change is a new version), so a case is always judged by
-- the catalogue that was in force on its day.
CREATE OR REPLACE FUNCTION review_catalogue_versions_refuse_update() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'review_catalogue_versions are immutable (% refused)', TG_OP;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER review_catalogue_versions_immutable
  BEFORE UPDATE ON review_catalogue_versions
  FOR EACH ROW EXECUTE FUNCTION review_catalogue_versions_refuse_update();
