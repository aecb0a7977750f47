CREATE TYPE "public"."news_comment_status" AS ENUM('visible', 'hidden');--> statement-breakpoint
CREATE TYPE "public"."news_mail_frequency" AS ENUM('immediate', 'weekly', 'none');--> statement-breakpoint
CREATE TYPE "public"."news_place_kind" AS ENUM('office', 'commune', 'online');--> statement-breakpoint
CREATE TYPE "public"."news_post_status" AS ENUM('draft', 'published');--> statement-breakpoint
CREATE TYPE "public"."news_report_status" AS ENUM('open', 'upheld', 'dismissed');--> statement-breakpoint
CREATE TYPE "public"."news_sheet_status" AS ENUM('submitted', 'returned', 'declined', 'published');--> statement-breakpoint
CREATE TABLE "news_categories" (
	"id" text PRIMARY KEY NOT NULL,
	"label_fr" text NOT NULL,
	"label_en" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "news_categories_id_slug" CHECK ("news_categories"."id" ~ '^[a-z0-9-]+$')
);
--> statement-breakpoint
CREATE TABLE "news_comment_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"comment_id" uuid NOT NULL,
	"reporter_id" uuid,
	"reason" text NOT NULL,
	"status" "news_report_status" DEFAULT 'open' NOT NULL,
	"handled_by" uuid,
	"handled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "news_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"post_id" uuid,
	"sheet_id" uuid,
	"author_id" uuid,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"edited_at" timestamp with time zone,
	"status" "news_comment_status" DEFAULT 'visible' NOT NULL,
	"hidden_reason" text,
	"hidden_by" uuid,
	"hidden_at" timestamp with time zone,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "news_comments_target" CHECK (num_nonnulls("news_comments"."post_id", "news_comments"."sheet_id") = 1)
);
--> statement-breakpoint
CREATE TABLE "news_digest_sends" (
	"user_id" uuid NOT NULL,
	"iso_week" text NOT NULL,
	"post_count" integer NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "news_digest_sends_user_id_iso_week_pk" PRIMARY KEY("user_id","iso_week"),
	CONSTRAINT "news_digest_sends_week" CHECK ("news_digest_sends"."iso_week" ~ '^[0-9]{4}-W[0-9]{2}$')
);
--> statement-breakpoint
CREATE TABLE "news_mutes" (
	"user_id" uuid NOT NULL,
	"post_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "news_mutes_user_id_post_id_pk" PRIMARY KEY("user_id","post_id")
);
--> statement-breakpoint
CREATE TABLE "news_post_attachments" (
	"post_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "news_post_attachments_post_id_document_id_pk" PRIMARY KEY("post_id","document_id")
);
--> statement-breakpoint
CREATE TABLE "news_posts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"body_html" text DEFAULT '' NOT NULL,
	"cover_key" text,
	"cover_alt" text,
	"cover_width" integer,
	"cover_height" integer,
	"category_id" text NOT NULL,
	"audience_kind" "audience_kind" DEFAULT 'staff' NOT NULL,
	"audience_categories" text[] DEFAULT '{}'::text[] NOT NULL,
	"audience_subcategories" text[] DEFAULT '{}'::text[] NOT NULL,
	"audience_communes" text[] DEFAULT '{}'::text[] NOT NULL,
	"audience_communautes" text[] DEFAULT '{}'::text[] NOT NULL,
	"audience_offices" text[] DEFAULT '{}'::text[] NOT NULL,
	"status" "news_post_status" DEFAULT 'draft' NOT NULL,
	"publish_at" timestamp with time zone,
	"expires_at" timestamp with time zone,
	"pinned_until" timestamp with time zone,
	"important" boolean DEFAULT false NOT NULL,
	"important_mailed_at" timestamp with time zone,
	"event_start" timestamp with time zone,
	"event_end" timestamp with time zone,
	"place_kind" "news_place_kind",
	"office_id" text,
	"commune_insee" text,
	"address" text,
	"online_url" text,
	"event_sequence" integer DEFAULT 0 NOT NULL,
	"author_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('french_unaccent'::regconfig, coalesce(title, '')), 'A') || setweight(to_tsvector('french_unaccent'::regconfig, coalesce(summary, '')), 'B') || setweight(to_tsvector('french_unaccent'::regconfig, regexp_replace(coalesce(body_html, ''), '<[^>]*>', ' ', 'g')), 'C')) STORED,
	CONSTRAINT "news_posts_event_range" CHECK ("news_posts"."event_end" is null or ("news_posts"."event_start" is not null and "news_posts"."event_end" >= "news_posts"."event_start")),
	CONSTRAINT "news_posts_place" CHECK ("news_posts"."place_kind" is null
      or ("news_posts"."place_kind" = 'office' and "news_posts"."office_id" is not null)
      or ("news_posts"."place_kind" = 'commune' and "news_posts"."commune_insee" is not null)
      or ("news_posts"."place_kind" = 'online' and "news_posts"."online_url" is not null)),
	CONSTRAINT "news_posts_cover_alt" CHECK ("news_posts"."cover_key" is null or "news_posts"."cover_alt" is not null),
	CONSTRAINT "news_posts_published_at" CHECK ("news_posts"."status" = 'draft' or "news_posts"."publish_at" is not null)
);
--> statement-breakpoint
CREATE TABLE "news_preferences" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"frequency" "news_mail_frequency" DEFAULT 'immediate' NOT NULL,
	"quiet_from_month" smallint,
	"quiet_to_month" smallint,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "news_preferences_quiet" CHECK (("news_preferences"."quiet_from_month" is null) = ("news_preferences"."quiet_to_month" is null)
      and ("news_preferences"."quiet_from_month" is null or ("news_preferences"."quiet_from_month" between 1 and 12 and "news_preferences"."quiet_to_month" between 1 and 12)))
);
--> statement-breakpoint
CREATE TABLE "news_reactions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"post_id" uuid,
	"comment_id" uuid,
	"sheet_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "news_reactions_target" CHECK (num_nonnulls("news_reactions"."post_id", "news_reactions"."comment_id", "news_reactions"."sheet_id") = 1)
);
--> statement-breakpoint
CREATE TABLE "news_reads" (
	"user_id" uuid NOT NULL,
	"post_id" uuid NOT NULL,
	"read_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "news_reads_user_id_post_id_pk" PRIMARY KEY("user_id","post_id")
);
--> statement-breakpoint
CREATE TABLE "news_sheets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"establishment_id" uuid NOT NULL,
	"author_id" uuid,
	"title" text NOT NULL,
	"context" text NOT NULL,
	"actions" text NOT NULL,
	"result" text NOT NULL,
	"figures" jsonb,
	"photos" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" "news_sheet_status" DEFAULT 'submitted' NOT NULL,
	"staff_remark" text,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('french_unaccent'::regconfig, coalesce(title, '')), 'A') || setweight(to_tsvector('french_unaccent'::regconfig, coalesce(context, '') || ' ' || coalesce(actions, '') || ' ' || coalesce(result, '')), 'C')) STORED
);
--> statement-breakpoint
ALTER TABLE "news_comment_reports" ADD CONSTRAINT "news_comment_reports_comment_id_news_comments_id_fk" FOREIGN KEY ("comment_id") REFERENCES "public"."news_comments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "news_comment_reports" ADD CONSTRAINT "news_comment_reports_reporter_id_users_id_fk" FOREIGN KEY ("reporter_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "news_comment_reports" ADD CONSTRAINT "news_comment_reports_handled_by_users_id_fk" FOREIGN KEY ("handled_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "news_comments" ADD CONSTRAINT "news_comments_post_id_news_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."news_posts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "news_comments" ADD CONSTRAINT "news_comments_sheet_id_news_sheets_id_fk" FOREIGN KEY ("sheet_id") REFERENCES "public"."news_sheets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "news_comments" ADD CONSTRAINT "news_comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "news_comments" ADD CONSTRAINT "news_comments_hidden_by_users_id_fk" FOREIGN KEY ("hidden_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "news_digest_sends" ADD CONSTRAINT "news_digest_sends_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "news_mutes" ADD CONSTRAINT "news_mutes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "news_mutes" ADD CONSTRAINT "news_mutes_post_id_news_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."news_posts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "news_post_attachments" ADD CONSTRAINT "news_post_attachments_post_id_news_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."news_posts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "news_post_attachments" ADD CONSTRAINT "news_post_attachments_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "news_posts" ADD CONSTRAINT "news_posts_category_id_news_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."news_categories"("id") ON DELETE restrict ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "news_posts" ADD CONSTRAINT "news_posts_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "news_posts" ADD CONSTRAINT "news_posts_commune_insee_communes_insee_code_fk" FOREIGN KEY ("commune_insee") REFERENCES "public"."communes"("insee_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "news_posts" ADD CONSTRAINT "news_posts_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "news_preferences" ADD CONSTRAINT "news_preferences_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "news_reactions" ADD CONSTRAINT "news_reactions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "news_reactions" ADD CONSTRAINT "news_reactions_post_id_news_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."news_posts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "news_reactions" ADD CONSTRAINT "news_reactions_comment_id_news_comments_id_fk" FOREIGN KEY ("comment_id") REFERENCES "public"."news_comments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "news_reactions" ADD CONSTRAINT "news_reactions_sheet_id_news_sheets_id_fk" FOREIGN KEY ("sheet_id") REFERENCES "public"."news_sheets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "news_reads" ADD CONSTRAINT "news_reads_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "news_reads" ADD CONSTRAINT "news_reads_post_id_news_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."news_posts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "news_sheets" ADD CONSTRAINT "news_sheets_establishment_id_establishments_id_fk" FOREIGN KEY ("establishment_id") REFERENCES "public"."establishments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "news_sheets" ADD CONSTRAINT "news_sheets_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "news_sheets" ADD CONSTRAINT "news_sheets_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "news_comment_reports_once_idx" ON "news_comment_reports" USING btree ("comment_id","reporter_id");--> statement-breakpoint
CREATE INDEX "news_comment_reports_queue_idx" ON "news_comment_reports" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "news_comments_post_shown_idx" ON "news_comments" USING btree ("post_id") WHERE "news_comments"."status" = 'visible' and "news_comments"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "news_comments_post_idx" ON "news_comments" USING btree ("post_id","created_at");--> statement-breakpoint
CREATE INDEX "news_comments_sheet_idx" ON "news_comments" USING btree ("sheet_id","created_at");--> statement-breakpoint
CREATE INDEX "news_comments_author_idx" ON "news_comments" USING btree ("author_id","created_at");--> statement-breakpoint
CREATE INDEX "news_post_attachments_document_idx" ON "news_post_attachments" USING btree ("document_id");--> statement-breakpoint
CREATE INDEX "news_posts_feed_idx" ON "news_posts" USING btree ("publish_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "news_posts"."status" = 'published';--> statement-breakpoint
CREATE INDEX "news_posts_pinned_idx" ON "news_posts" USING btree ("pinned_until") WHERE "news_posts"."pinned_until" is not null and "news_posts"."status" = 'published';--> statement-breakpoint
CREATE INDEX "news_posts_category_idx" ON "news_posts" USING btree ("category_id","publish_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "news_posts_event_idx" ON "news_posts" USING btree ("event_start") WHERE "news_posts"."event_start" is not null;--> statement-breakpoint
CREATE INDEX "news_posts_scheduled_idx" ON "news_posts" USING btree ("publish_at") WHERE "news_posts"."status" = 'published' and "news_posts"."important" and "news_posts"."important_mailed_at" is null;--> statement-breakpoint
CREATE INDEX "news_posts_search_idx" ON "news_posts" USING gin ("search");--> statement-breakpoint
CREATE UNIQUE INDEX "news_reactions_post_idx" ON "news_reactions" USING btree ("post_id","user_id") WHERE "news_reactions"."post_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "news_reactions_comment_idx" ON "news_reactions" USING btree ("comment_id","user_id") WHERE "news_reactions"."comment_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "news_reactions_sheet_idx" ON "news_reactions" USING btree ("sheet_id","user_id") WHERE "news_reactions"."sheet_id" is not null;--> statement-breakpoint
CREATE INDEX "news_reactions_user_idx" ON "news_reactions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "news_reads_post_idx" ON "news_reads" USING btree ("post_id");--> statement-breakpoint
CREATE INDEX "news_sheets_status_idx" ON "news_sheets" USING btree ("status","published_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "news_sheets_establishment_idx" ON "news_sheets" USING btree ("establishment_id");--> statement-breakpoint
CREATE INDEX "news_sheets_search_idx" ON "news_sheets" USING gin ("search");--> statement-breakpoint
-- The seven categories of issue 12 (common/news.ts NEWS_DEFAULT_CATEGORIES); admins edit the list afterwards.
INSERT INTO "news_categories" ("id", "label_fr", "label_en", "position") VALUES
  ('vie-du-reseau', 'Vie du réseau', 'Network life', 1),
  ('formations', 'Formations', 'Training', 2),
  ('promotion-communication', 'Promotion et communication', 'Promotion and communication', 3),
  ('reglementation', 'Réglementation', 'Regulations', 4),
  ('evenements', 'Événements', 'Events', 5),
  ('observatoire', 'Observatoire', 'Observatory', 6),
  ('carte-pass', 'Carte PASS', 'Carte PASS', 7)
ON CONFLICT ("id") DO NOTHING;
