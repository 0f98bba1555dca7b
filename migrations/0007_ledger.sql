CREATE TABLE "ledger_entries" (
	"index" bigint PRIMARY KEY NOT NULL,
	"entry" jsonb NOT NULL,
	"leaf_hash" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ledger_heads" (
	"tree_size" bigint PRIMARY KEY NOT NULL,
	"root_hash" "bytea" NOT NULL,
	"timestamp" timestamp with time zone NOT NULL,
	"hash_algorithm" text NOT NULL,
	"signature_algorithm" text NOT NULL,
	"signature" text NOT NULL,
	"public_key_hex" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ledger_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"public_key_hex" text NOT NULL,
	"private_key_sealed" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ledger_keys_public_key_hex_unique" UNIQUE("public_key_hex")
);
--> statement-breakpoint
CREATE TABLE "ledger_nodes" (
	"level" smallint NOT NULL,
	"index" bigint NOT NULL,
	"hash" "bytea" NOT NULL,
	CONSTRAINT "ledger_nodes_level_index_pk" PRIMARY KEY("level","index")
);
--> statement-breakpoint
CREATE TABLE "ledger_state" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"size" bigint NOT NULL,
	"hash_algorithm" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ledger_state_singleton" CHECK ("ledger_state"."id" = 1),
	CONSTRAINT "ledger_state_size" CHECK ("ledger_state"."size" >= 0),
	CONSTRAINT "ledger_state_hash_algorithm" CHECK ("ledger_state"."hash_algorithm" in ('sm3', 'sha256'))
);
--> statement-breakpoint
CREATE INDEX "ledger_entries_record_idx" ON "ledger_entries" USING btree (("entry"->>'recordId'));--> statement-breakpoint
-- The ledger is append-only: entries, perfect-subtree nodes and signed heads are never rewritten.
CREATE OR REPLACE FUNCTION ledger_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION '% is append-only (% refused)', TG_TABLE_NAME, TG_OP;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER ledger_entries_append_only BEFORE UPDATE OR DELETE ON ledger_entries
  FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
--> statement-breakpoint
CREATE TRIGGER ledger_entries_no_truncate BEFORE TRUNCATE ON ledger_entries
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
--> statement-breakpoint
CREATE TRIGGER ledger_nodes_append_only BEFORE UPDATE OR DELETE ON ledger_nodes
  FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
--> statement-breakpoint
CREATE TRIGGER ledger_nodes_no_truncate BEFORE TRUNCATE ON ledger_nodes
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
--> statement-breakpoint
CREATE TRIGGER ledger_heads_append_only BEFORE UPDATE OR DELETE ON ledger_heads
  FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
--> statement-breakpoint
CREATE TRIGGER ledger_heads_no_truncate BEFORE TRUNCATE ON ledger_heads
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
--> statement-breakpoint
-- The size only grows, one append at a time, and the hash function never changes.
CREATE OR REPLACE FUNCTION ledger_state_forward_only() RETURNS trigger AS $$
BEGIN
  IF TG_OP <> 'UPDATE' OR NEW.size < OLD.size OR NEW.hash_algorithm <> OLD.hash_algorithm OR NEW.id <> OLD.id THEN
    RAISE EXCEPTION 'ledger_state only grows (% refused)', TG_OP;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER ledger_state_forward_only BEFORE UPDATE OR DELETE ON ledger_state
  FOR EACH ROW EXECUTE FUNCTION ledger_state_forward_only();
--> statement-breakpoint
CREATE TRIGGER ledger_state_no_truncate BEFORE TRUNCATE ON ledger_state
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
