ALTER TABLE "document_settings" ADD COLUMN "template_overrides" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "content" jsonb NOT NULL;