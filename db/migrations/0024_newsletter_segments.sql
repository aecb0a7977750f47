CREATE TABLE "newsletter_segments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"filter" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "newsletter_segments" ADD CONSTRAINT "newsletter_segments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "newsletter_segments_name_idx" ON "newsletter_segments" USING btree (lower("name"));--> statement-breakpoint
ALTER TABLE "newsletter_campaigns" ADD COLUMN "segment_id" uuid;--> statement-breakpoint
ALTER TABLE "newsletter_campaigns" ADD CONSTRAINT "newsletter_campaigns_segment_id_newsletter_segments_id_fk" FOREIGN KEY ("segment_id") REFERENCES "public"."newsletter_segments"("id") ON DELETE set null ON UPDATE no action;
