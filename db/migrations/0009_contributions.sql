CREATE TYPE "public"."contribution_status" AS ENUM('pending', 'approved', 'declined');--> statement-breakpoint
CREATE TABLE "document_contributions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"establishment_id" uuid,
	"proposed_by" uuid,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"credit" text NOT NULL,
	"licence_version" text NOT NULL,
	"licence_accepted_at" timestamp with time zone NOT NULL,
	"status" "contribution_status" DEFAULT 'pending' NOT NULL,
	"storage_key" text,
	"original_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size" bigint NOT NULL,
	"sha256" text NOT NULL,
	"folder_id" uuid,
	"document_id" uuid,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_message" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "document_contributions_sha256_hex" CHECK ("document_contributions"."sha256" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "document_contributions_decided" CHECK (("document_contributions"."status" = 'pending') = ("document_contributions"."decided_at" is null))
);
--> statement-breakpoint
CREATE TABLE "training_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"training_id" uuid NOT NULL,
	"session_id" uuid,
	"document_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "users" ALTER COLUMN "email_preferences" SET DEFAULT '{"newsletter":false,"news":true,"trainings":true,"documents":true}'::jsonb;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "credit" text;--> statement-breakpoint
ALTER TABLE "document_contributions" ADD CONSTRAINT "document_contributions_establishment_id_establishments_id_fk" FOREIGN KEY ("establishment_id") REFERENCES "public"."establishments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_contributions" ADD CONSTRAINT "document_contributions_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_contributions" ADD CONSTRAINT "document_contributions_folder_id_document_folders_id_fk" FOREIGN KEY ("folder_id") REFERENCES "public"."document_folders"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_contributions" ADD CONSTRAINT "document_contributions_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_contributions" ADD CONSTRAINT "document_contributions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_documents" ADD CONSTRAINT "training_documents_training_id_trainings_id_fk" FOREIGN KEY ("training_id") REFERENCES "public"."trainings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_documents" ADD CONSTRAINT "training_documents_session_id_training_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."training_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_documents" ADD CONSTRAINT "training_documents_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_documents" ADD CONSTRAINT "training_documents_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "document_contributions_queue_idx" ON "document_contributions" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "document_contributions_establishment_idx" ON "document_contributions" USING btree ("establishment_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "document_contributions_storage_key_idx" ON "document_contributions" USING btree ("storage_key");--> statement-breakpoint
CREATE UNIQUE INDEX "training_documents_unique_idx" ON "training_documents" USING btree ("training_id",coalesce("session_id", '00000000-0000-0000-0000-000000000000'::uuid),"document_id");--> statement-breakpoint
CREATE INDEX "training_documents_session_idx" ON "training_documents" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "training_documents_document_idx" ON "training_documents" USING btree ("document_id");