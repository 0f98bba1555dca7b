CREATE TABLE "agency_seals" (
	"agency_id" uuid PRIMARY KEY NOT NULL,
	"public_key_hex" text NOT NULL,
	"private_key_sealed" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"step_key" text NOT NULL,
	"is_av" boolean NOT NULL,
	"title" text NOT NULL,
	"captured_at" timestamp with time zone,
	"officer_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_clocks" (
	"case_id" uuid NOT NULL,
	"key" text NOT NULL,
	"due_on" date NOT NULL,
	"completed_on" date,
	"provisional" boolean NOT NULL,
	"clock" jsonb NOT NULL,
	CONSTRAINT "case_clocks_case_id_key_pk" PRIMARY KEY("case_id","key")
);
--> statement-breakpoint
CREATE TABLE "case_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "case_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"case_id" uuid NOT NULL,
	"sequence" integer NOT NULL,
	"action" text NOT NULL,
	"action_label" text NOT NULL,
	"from_state" text,
	"to_state" text NOT NULL,
	"actor" jsonb NOT NULL,
	"actor_user_id" uuid,
	"at" timestamp with time zone NOT NULL,
	"on" date NOT NULL,
	"payload" jsonb NOT NULL,
	"changes" jsonb NOT NULL,
	"calendar_version" text NOT NULL,
	"rulebook_version" text NOT NULL,
	CONSTRAINT "case_events_seq_uq" UNIQUE("case_id","sequence")
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" uuid PRIMARY KEY NOT NULL,
	"agency_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"procedure" text NOT NULL,
	"state" text NOT NULL,
	"outcome" text,
	"version" integer NOT NULL,
	"region_code" text NOT NULL,
	"party_id" uuid,
	"title" text NOT NULL,
	"lead_id" uuid,
	"team_officer_ids" uuid[] NOT NULL,
	"snapshot" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "document_counters" (
	"agency_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"year" integer NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "document_counters_agency_id_kind_year_pk" PRIMARY KEY("agency_id","kind","year")
);
--> statement-breakpoint
CREATE TABLE "document_settings" (
	"agency_id" uuid PRIMARY KEY NOT NULL,
	"abbreviation" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"number" text,
	"year" integer,
	"seq" integer,
	"data" jsonb NOT NULL,
	"content_hash" text NOT NULL,
	"signature" text,
	"public_key_hex" text,
	"issued_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "documents_number_uq" UNIQUE("agency_id","number"),
	CONSTRAINT "documents_seq_uq" UNIQUE("agency_id","kind","year","seq")
);
--> statement-breakpoint
CREATE TABLE "parties" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"type" text NOT NULL,
	"name" text NOT NULL,
	"id_number" text,
	"representative" text,
	"address" text,
	"phone" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_attachments" ADD CONSTRAINT "case_attachments_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_clocks" ADD CONSTRAINT "case_clocks_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_party_id_parties_id_fk" FOREIGN KEY ("party_id") REFERENCES "public"."parties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_clocks_due_idx" ON "case_clocks" USING btree ("due_on");--> statement-breakpoint
CREATE INDEX "cases_agency_state_idx" ON "cases" USING btree ("agency_id","procedure","state");--> statement-breakpoint
CREATE INDEX "documents_case_idx" ON "documents" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "parties_agency_idx" ON "parties" USING btree ("agency_id");