ALTER TYPE "public"."mail_status" ADD VALUE 'refused';--> statement-breakpoint
ALTER TABLE "mail_messages" ADD COLUMN "next_attempt_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "mail_messages_retry_idx" ON "mail_messages" USING btree ("status","next_attempt_at");--> statement-breakpoint
-- Rows that failed before this migration were waiting for a BullMQ retry: they are due now.
UPDATE "mail_messages" SET "next_attempt_at" = now() WHERE "status" = 'failed';
