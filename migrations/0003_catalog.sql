CREATE TABLE "enforcement_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"category_code" text NOT NULL,
	"legal_basis" text NOT NULL,
	"requires_av" boolean DEFAULT false NOT NULL,
	"is_random_inspection" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "enforcement_items_agency_code_uq" UNIQUE("agency_id","code")
);
--> statement-breakpoint
CREATE INDEX "enforcement_items_agency_idx" ON "enforcement_items" USING btree ("agency_id");