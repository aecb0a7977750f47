CREATE TYPE "public"."training_attendance" AS ENUM('present', 'absent');--> statement-breakpoint
CREATE TYPE "public"."training_event_kind" AS ENUM('joined', 'offered', 'accepted', 'declined', 'expired', 'promoted', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."training_notice_kind" AS ENUM('changed', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."training_place_kind" AS ENUM('office', 'address', 'online');--> statement-breakpoint
CREATE TYPE "public"."training_registration_status" AS ENUM('confirmed', 'waiting', 'offered', 'cancelled', 'declined', 'expired');--> statement-breakpoint
CREATE TYPE "public"."training_session_status" AS ENUM('draft', 'open', 'closed', 'cancelled', 'done');--> statement-breakpoint
CREATE TYPE "public"."training_theme" AS ENUM('digital', 'welcome', 'regulations', 'sustainable', 'eductour', 'other');--> statement-breakpoint
CREATE TYPE "public"."training_waitlist_mode" AS ENUM('offer', 'direct');--> statement-breakpoint
CREATE TABLE "training_calendar_feeds" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"feed_id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_calendar_feeds_feed_id_unique" UNIQUE("feed_id")
);
--> statement-breakpoint
CREATE TABLE "training_registration_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"registration_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"kind" "training_event_kind" NOT NULL,
	"actor_id" uuid,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_registrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"establishment_id" uuid,
	"status" "training_registration_status" NOT NULL,
	"queue_seq" bigint,
	"offer_round" integer DEFAULT 0 NOT NULL,
	"offer_expires_at" timestamp with time zone,
	"attendance" "training_attendance",
	"registered_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"confirmed_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_session_notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"kind" "training_notice_kind" NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"actor_id" uuid,
	"fanned_out_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"training_id" uuid NOT NULL,
	"status" "training_session_status" DEFAULT 'draft' NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"slot_count" smallint DEFAULT 1 NOT NULL,
	"place_kind" "training_place_kind" NOT NULL,
	"office_id" text,
	"commune_insee" text,
	"address" text,
	"online_url" text,
	"capacity" integer NOT NULL,
	"per_establishment_cap" integer,
	"signup_deadline" timestamp with time zone NOT NULL,
	"waitlist_mode" "training_waitlist_mode" DEFAULT 'offer' NOT NULL,
	"offer_hours" integer DEFAULT 48 NOT NULL,
	"notes" text,
	"confirmed_count" integer DEFAULT 0 NOT NULL,
	"offered_count" integer DEFAULT 0 NOT NULL,
	"waiting_count" integer DEFAULT 0 NOT NULL,
	"wait_seq" bigint DEFAULT 0 NOT NULL,
	"revision" integer DEFAULT 0 NOT NULL,
	"reminder_sent_for" timestamp with time zone,
	"survey_sent_at" timestamp with time zone,
	"cancel_reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_sessions_capacity" CHECK ("training_sessions"."capacity" > 0 AND "training_sessions"."confirmed_count" >= 0 AND "training_sessions"."offered_count" >= 0 AND "training_sessions"."waiting_count" >= 0),
	CONSTRAINT "training_sessions_seats" CHECK ("training_sessions"."confirmed_count" + "training_sessions"."offered_count" <= "training_sessions"."capacity" OR "training_sessions"."status" = 'cancelled'),
	CONSTRAINT "training_sessions_times" CHECK ("training_sessions"."ends_at" > "training_sessions"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "training_slots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	CONSTRAINT "training_slots_times" CHECK ("training_slots"."ends_at" > "training_slots"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "training_survey_responses" (
	"registration_id" uuid PRIMARY KEY NOT NULL,
	"session_id" uuid NOT NULL,
	"rating" smallint NOT NULL,
	"comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_survey_rating" CHECK ("training_survey_responses"."rating" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "trainings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"description_html" text DEFAULT '' NOT NULL,
	"theme" "training_theme" NOT NULL,
	"target_categories" text[] DEFAULT '{}'::text[] NOT NULL,
	"duration_minutes" integer NOT NULL,
	"trainer" text,
	"price_member_cents" integer,
	"price_non_member_cents" integer,
	"archived" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "training_calendar_feeds" ADD CONSTRAINT "training_calendar_feeds_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_registration_events" ADD CONSTRAINT "training_registration_events_registration_id_training_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."training_registrations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_registration_events" ADD CONSTRAINT "training_registration_events_session_id_training_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."training_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_registration_events" ADD CONSTRAINT "training_registration_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_registrations" ADD CONSTRAINT "training_registrations_session_id_training_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."training_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_registrations" ADD CONSTRAINT "training_registrations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_registrations" ADD CONSTRAINT "training_registrations_establishment_id_establishments_id_fk" FOREIGN KEY ("establishment_id") REFERENCES "public"."establishments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_registrations" ADD CONSTRAINT "training_registrations_registered_by_users_id_fk" FOREIGN KEY ("registered_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_session_notices" ADD CONSTRAINT "training_session_notices_session_id_training_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."training_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_session_notices" ADD CONSTRAINT "training_session_notices_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_training_id_trainings_id_fk" FOREIGN KEY ("training_id") REFERENCES "public"."trainings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_commune_insee_communes_insee_code_fk" FOREIGN KEY ("commune_insee") REFERENCES "public"."communes"("insee_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_slots" ADD CONSTRAINT "training_slots_session_id_training_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."training_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_survey_responses" ADD CONSTRAINT "training_survey_responses_registration_id_training_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."training_registrations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_survey_responses" ADD CONSTRAINT "training_survey_responses_session_id_training_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."training_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trainings" ADD CONSTRAINT "trainings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "training_events_session_idx" ON "training_registration_events" USING btree ("session_id","id");--> statement-breakpoint
CREATE INDEX "training_events_registration_idx" ON "training_registration_events" USING btree ("registration_id");--> statement-breakpoint
CREATE UNIQUE INDEX "training_registrations_active_idx" ON "training_registrations" USING btree ("session_id","user_id") WHERE "training_registrations"."status" in ('confirmed', 'waiting', 'offered');--> statement-breakpoint
CREATE INDEX "training_registrations_queue_idx" ON "training_registrations" USING btree ("session_id","status","queue_seq");--> statement-breakpoint
CREATE INDEX "training_registrations_user_idx" ON "training_registrations" USING btree ("user_id","status");--> statement-breakpoint
CREATE INDEX "training_registrations_establishment_idx" ON "training_registrations" USING btree ("session_id","establishment_id") WHERE "training_registrations"."status" in ('confirmed', 'waiting', 'offered');--> statement-breakpoint
CREATE INDEX "training_registrations_offer_idx" ON "training_registrations" USING btree ("offer_expires_at") WHERE "training_registrations"."status" = 'offered';--> statement-breakpoint
CREATE INDEX "training_notices_pending_idx" ON "training_session_notices" USING btree ("created_at") WHERE "training_session_notices"."fanned_out_at" is null;--> statement-breakpoint
CREATE INDEX "training_sessions_list_idx" ON "training_sessions" USING btree ("starts_at","id") WHERE "training_sessions"."status" in ('open', 'closed');--> statement-breakpoint
CREATE INDEX "training_sessions_training_idx" ON "training_sessions" USING btree ("training_id","starts_at");--> statement-breakpoint
CREATE INDEX "training_sessions_status_idx" ON "training_sessions" USING btree ("status","starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "training_slots_session_idx" ON "training_slots" USING btree ("session_id","position");--> statement-breakpoint
CREATE INDEX "training_survey_session_idx" ON "training_survey_responses" USING btree ("session_id");