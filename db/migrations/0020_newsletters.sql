CREATE TYPE "public"."newsletter_campaign_status" AS ENUM('draft', 'scheduled', 'sending', 'paused', 'cancelled', 'finished');--> statement-breakpoint
CREATE TYPE "public"."newsletter_consent_source" AS ENUM('preferences', 'admin', 'invitation', 'import');--> statement-breakpoint
CREATE TYPE "public"."newsletter_recipient_status" AS ENUM('queued', 'sending', 'sent', 'failed', 'uncertain', 'skipped');--> statement-breakpoint
CREATE TYPE "public"."newsletter_suppression_reason" AS ENUM('hard_bounce', 'complaint', 'unsubscribe');--> statement-breakpoint
CREATE TABLE "newsletter_campaigns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subject" text NOT NULL,
	"preheader" text DEFAULT '' NOT NULL,
	"sender" text NOT NULL,
	"body_html" text NOT NULL,
	"topic_id" text NOT NULL,
	"audience_kind" "audience_kind" DEFAULT 'staff' NOT NULL,
	"audience_categories" text[] DEFAULT '{}'::text[] NOT NULL,
	"audience_subcategories" text[] DEFAULT '{}'::text[] NOT NULL,
	"audience_communes" text[] DEFAULT '{}'::text[] NOT NULL,
	"audience_communautes" text[] DEFAULT '{}'::text[] NOT NULL,
	"audience_offices" text[] DEFAULT '{}'::text[] NOT NULL,
	"status" "newsletter_campaign_status" DEFAULT 'draft' NOT NULL,
	"scheduled_at" timestamp with time zone,
	"total" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"launched_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "newsletter_recipients" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"campaign_id" uuid NOT NULL,
	"address" text NOT NULL,
	"user_id" uuid,
	"language" "language" DEFAULT 'fr' NOT NULL,
	"status" "newsletter_recipient_status" DEFAULT 'queued' NOT NULL,
	"attempts" smallint DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone,
	"last_error" text,
	"message_id" text,
	"claim_token" uuid,
	"claimed_at" timestamp with time zone,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "newsletter_subscriptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"topic_id" text NOT NULL,
	"address" text NOT NULL,
	"user_id" uuid,
	"establishment_id" uuid,
	"source" "newsletter_consent_source" NOT NULL,
	"consented_at" timestamp with time zone DEFAULT now() NOT NULL,
	"unsubscribed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "newsletter_suppressions" (
	"address" text PRIMARY KEY NOT NULL,
	"reason" "newsletter_suppression_reason" NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "newsletter_topics" (
	"id" text PRIMARY KEY NOT NULL,
	"name_fr" text NOT NULL,
	"name_en" text NOT NULL,
	"description_fr" text DEFAULT '' NOT NULL,
	"description_en" text DEFAULT '' NOT NULL,
	"position" smallint DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "newsletter_campaigns" ADD CONSTRAINT "newsletter_campaigns_topic_id_newsletter_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."newsletter_topics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "newsletter_campaigns" ADD CONSTRAINT "newsletter_campaigns_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "newsletter_recipients" ADD CONSTRAINT "newsletter_recipients_campaign_id_newsletter_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."newsletter_campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "newsletter_recipients" ADD CONSTRAINT "newsletter_recipients_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "newsletter_subscriptions" ADD CONSTRAINT "newsletter_subscriptions_topic_id_newsletter_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."newsletter_topics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "newsletter_subscriptions" ADD CONSTRAINT "newsletter_subscriptions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "newsletter_subscriptions" ADD CONSTRAINT "newsletter_subscriptions_establishment_id_establishments_id_fk" FOREIGN KEY ("establishment_id") REFERENCES "public"."establishments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "newsletter_campaigns_status_idx" ON "newsletter_campaigns" USING btree ("status");--> statement-breakpoint
CREATE UNIQUE INDEX "newsletter_recipients_campaign_address_idx" ON "newsletter_recipients" USING btree ("campaign_id",lower("address"));--> statement-breakpoint
CREATE INDEX "newsletter_recipients_campaign_status_idx" ON "newsletter_recipients" USING btree ("campaign_id","status","id");--> statement-breakpoint
CREATE INDEX "newsletter_recipients_claimed_idx" ON "newsletter_recipients" USING btree ("claimed_at") WHERE "newsletter_recipients"."status" = 'sending';--> statement-breakpoint
CREATE UNIQUE INDEX "newsletter_subscriptions_topic_address_idx" ON "newsletter_subscriptions" USING btree ("topic_id",lower("address"));--> statement-breakpoint
CREATE INDEX "newsletter_subscriptions_user_idx" ON "newsletter_subscriptions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "newsletter_subscriptions_address_idx" ON "newsletter_subscriptions" USING btree (lower("address"));--> statement-breakpoint
INSERT INTO "newsletter_topics" ("id", "name_fr", "name_en", "description_fr", "description_en", "position") VALUES
  ('lettre-du-reseau', 'Lettre du réseau', 'Network letter', 'La lettre mensuelle de l’Office aux professionnels du territoire.', 'The Office’s monthly letter to the territory’s professionals.', 1),
  ('formations', 'Formations', 'Trainings', 'Nouvelles formations et ateliers.', 'New trainings and workshops.', 2),
  ('actualites', 'Actualités', 'News', 'Les actualités du réseau.', 'News from the network.', 3),
  ('observatoire', 'Observatoire', 'Observatory', 'Chiffres de fréquentation et études.', 'Visitor figures and studies.', 4)
ON CONFLICT DO NOTHING;
