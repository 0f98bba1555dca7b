CREATE TABLE "case_number_counters" (
	"agency_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "case_number_counters_agency_id_year_pk" PRIMARY KEY("agency_id","year")
);
--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "case_number" text;--> statement-breakpoint
ALTER TABLE "document_settings" ADD COLUMN "case_number_pattern" text;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_case_number_uq" UNIQUE("agency_id","case_number");