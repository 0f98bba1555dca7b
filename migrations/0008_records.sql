CREATE TABLE "case_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"procedure" text NOT NULL,
	"ended_on" date NOT NULL,
	"due_on" date NOT NULL,
	"locked_at" timestamp with time zone NOT NULL,
	"locked_by" uuid NOT NULL,
	"late" boolean NOT NULL,
	"items" jsonb NOT NULL,
	"completeness" jsonb NOT NULL,
	"manifest_hash" text NOT NULL,
	CONSTRAINT "case_files_case_id_unique" UNIQUE("case_id")
);
--> statement-breakpoint
CREATE TABLE "device_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"device_id" uuid NOT NULL,
	"officer_id" uuid NOT NULL,
	"assigned_at" timestamp with time zone NOT NULL,
	"returned_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "devices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"serial_number" text NOT NULL,
	"model" text NOT NULL,
	"status" text DEFAULT 'in_service' NOT NULL,
	"retired_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "devices_agency_serial" UNIQUE("agency_id","serial_number"),
	CONSTRAINT "devices_kind" CHECK ("devices"."kind" in ('body_camera', 'phone', 'camera', 'audio_recorder', 'other')),
	CONSTRAINT "devices_status" CHECK ("devices"."status" in ('in_service', 'retired'))
);
--> statement-breakpoint
CREATE TABLE "evidence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"step_key" text NOT NULL,
	"is_av" boolean NOT NULL,
	"media_type" text NOT NULL,
	"title" text NOT NULL,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"content_hash" text NOT NULL,
	"size" bigint NOT NULL,
	"captured_at" timestamp with time zone NOT NULL,
	"device_id" uuid,
	"officer_id" uuid,
	"location" text,
	"uploaded_at" timestamp with time zone NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"late_upload" boolean NOT NULL,
	"confidentiality" text DEFAULT 'none' NOT NULL,
	"party_id" uuid,
	"corrects_id" uuid,
	"correction_reason" text,
	"metadata_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evidence_media_type" CHECK ("evidence"."media_type" in ('photo', 'audio', 'video', 'document', 'other')),
	CONSTRAINT "evidence_confidentiality" CHECK ("evidence"."confidentiality" in ('none', 'state_secret', 'trade_secret', 'personal_privacy')),
	CONSTRAINT "evidence_size" CHECK ("evidence"."size" >= 0)
);
--> statement-breakpoint
CREATE TABLE "record_access_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	"record_type" text NOT NULL,
	"record_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"confidentiality" text NOT NULL,
	"purpose" text NOT NULL,
	"reason" text
);
--> statement-breakpoint
CREATE TABLE "spot_check_items" (
	"spot_check_id" uuid NOT NULL,
	"case_file_id" uuid NOT NULL,
	"result" text,
	"finding" text,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	CONSTRAINT "spot_check_items_pk" UNIQUE("spot_check_id","case_file_id"),
	CONSTRAINT "spot_check_items_result" CHECK ("spot_check_items"."result" is null or "spot_check_items"."result" in ('conforming', 'nonconforming'))
);
--> statement-breakpoint
CREATE TABLE "spot_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"population" integer NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "device_assignments" ADD CONSTRAINT "device_assignments_device_id_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."devices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_device_id_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."devices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spot_check_items" ADD CONSTRAINT "spot_check_items_spot_check_id_spot_checks_id_fk" FOREIGN KEY ("spot_check_id") REFERENCES "public"."spot_checks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spot_check_items" ADD CONSTRAINT "spot_check_items_case_file_id_case_files_id_fk" FOREIGN KEY ("case_file_id") REFERENCES "public"."case_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_files_agency_idx" ON "case_files" USING btree ("agency_id","locked_at");--> statement-breakpoint
CREATE INDEX "device_assignments_device_idx" ON "device_assignments" USING btree ("device_id","assigned_at");--> statement-breakpoint
CREATE INDEX "evidence_case_idx" ON "evidence" USING btree ("case_id","uploaded_at");--> statement-breakpoint
CREATE INDEX "evidence_hash_idx" ON "evidence" USING btree ("content_hash");--> statement-breakpoint
CREATE INDEX "evidence_agency_idx" ON "evidence" USING btree ("agency_id","uploaded_at");--> statement-breakpoint
CREATE INDEX "record_access_log_agency_idx" ON "record_access_log" USING btree ("agency_id","at");--> statement-breakpoint
CREATE INDEX "record_access_log_record_idx" ON "record_access_log" USING btree ("record_id","at");--> statement-breakpoint
CREATE INDEX "ledger_entries_content_hash_idx" ON "ledger_entries" USING btree (("entry"->>'contentHash'));--> statement-breakpoint
-- Records are never rewritten (R6 防删改): evidence, locked case files and the access log only grow. A
-- correction is a new evidence row naming what it corrects. `mingjing verify` catches what bypasses this.
CREATE OR REPLACE FUNCTION records_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION '% is append-only (% refused)', TG_TABLE_NAME, TG_OP;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER evidence_append_only BEFORE UPDATE OR DELETE ON evidence
  FOR EACH ROW EXECUTE FUNCTION records_refuse_change();
--> statement-breakpoint
CREATE TRIGGER evidence_no_truncate BEFORE TRUNCATE ON evidence
  FOR EACH STATEMENT EXECUTE FUNCTION records_refuse_change();
--> statement-breakpoint
CREATE TRIGGER case_files_append_only BEFORE UPDATE OR DELETE ON case_files
  FOR EACH ROW EXECUTE FUNCTION records_refuse_change();
--> statement-breakpoint
CREATE TRIGGER case_files_no_truncate BEFORE TRUNCATE ON case_files
  FOR EACH STATEMENT EXECUTE FUNCTION records_refuse_change();
--> statement-breakpoint
CREATE TRIGGER record_access_log_append_only BEFORE UPDATE OR DELETE ON record_access_log
  FOR EACH ROW EXECUTE FUNCTION records_refuse_change();
--> statement-breakpoint
CREATE TRIGGER record_access_log_no_truncate BEFORE TRUNCATE ON record_access_log
  FOR EACH STATEMENT EXECUTE FUNCTION records_refuse_change();
