CREATE TABLE "rulebook_layers" (
	"region_code" text NOT NULL,
	"version" integer NOT NULL,
	"overrides" jsonb NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rulebook_layers_region_code_version_pk" PRIMARY KEY("region_code","version")
);
