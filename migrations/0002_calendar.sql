CREATE TABLE "calendar_years" (
	"year" integer PRIMARY KEY NOT NULL,
	"notice" jsonb NOT NULL,
	"amendments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"holidays" date[] NOT NULL,
	"workdays" date[] NOT NULL,
	"loaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"loaded_by" text NOT NULL,
	CONSTRAINT "calendar_years_year_range" CHECK ("calendar_years"."year" between 1949 and 2100)
);
