CREATE TYPE "public"."visit_mode" AS ENUM('comptoir', 'telephone', 'email', 'courrier', 'reseaux_sociaux', 'hors_les_murs');--> statement-breakpoint
CREATE TABLE "visit_contacts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"office_id" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"month" date GENERATED ALWAYS AS ((date_trunc('month', timezone('Europe/Paris', occurred_at)))::date) STORED NOT NULL,
	"mode" "visit_mode" NOT NULL,
	"party_size" smallint DEFAULT 1 NOT NULL,
	"origin" text NOT NULL,
	"language" text NOT NULL,
	"theme_ids" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "visit_contacts_party_size" CHECK ("visit_contacts"."party_size" >= 1)
);
--> statement-breakpoint
CREATE TABLE "visit_rollup" (
	"office_id" text NOT NULL,
	"month" date NOT NULL,
	"dimension" text NOT NULL,
	"value" text NOT NULL,
	"contacts" integer NOT NULL,
	"visitors" integer NOT NULL,
	CONSTRAINT "visit_rollup_dimension_month_office_id_value_pk" PRIMARY KEY("dimension","month","office_id","value")
);
--> statement-breakpoint
CREATE TABLE "visit_rollup_dirty" (
	"office_id" text NOT NULL,
	"month" date NOT NULL,
	"shard" smallint NOT NULL,
	"marked_at" timestamp with time zone NOT NULL,
	CONSTRAINT "visit_rollup_dirty_office_id_month_shard_pk" PRIMARY KEY("office_id","month","shard")
);
--> statement-breakpoint
CREATE TABLE "visit_themes" (
	"id" serial PRIMARY KEY NOT NULL,
	"label_fr" text NOT NULL,
	"label_en" text NOT NULL,
	"position" smallint DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "visit_totals" (
	"office_id" text NOT NULL,
	"month" date NOT NULL,
	"dimension" text NOT NULL,
	"value" text NOT NULL,
	"contacts" integer NOT NULL,
	"visitors" integer NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "visit_totals_office_id_month_dimension_value_pk" PRIMARY KEY("office_id","month","dimension","value")
);
--> statement-breakpoint
ALTER TABLE "visit_contacts" ADD CONSTRAINT "visit_contacts_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_contacts" ADD CONSTRAINT "visit_contacts_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_totals" ADD CONSTRAINT "visit_totals_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_totals" ADD CONSTRAINT "visit_totals_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "visit_contacts_office_month_idx" ON "visit_contacts" USING btree ("office_id","month");--> statement-breakpoint
CREATE INDEX "visit_contacts_created_by_idx" ON "visit_contacts" USING btree ("created_by","created_at");--> statement-breakpoint
-- Office-months to roll up again, marked by statement-level triggers (one upsert per statement, not per row: the
-- one-million-row insert of bench/stats.ts marks 480 office-months). The upsert's row lock is held to the writer's
-- commit, so a rollup run that read the old mark waits for it, and keeps the new mark (marked_at moved on). Each
-- statement marks one of 16 shards at random, so that concurrent writers at one office rarely wait for each other.
CREATE FUNCTION visit_mark_dirty() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  pick smallint := floor(random() * 16);
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO visit_rollup_dirty (office_id, month, shard, marked_at)
      SELECT office_id, month, pick, clock_timestamp() FROM (SELECT DISTINCT office_id, month FROM new_rows) AS changed ORDER BY 1, 2
      ON CONFLICT (office_id, month, shard) DO UPDATE SET marked_at = excluded.marked_at;
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    INSERT INTO visit_rollup_dirty (office_id, month, shard, marked_at)
      SELECT office_id, month, pick, clock_timestamp() FROM (SELECT DISTINCT office_id, month FROM old_rows) AS changed ORDER BY 1, 2
      ON CONFLICT (office_id, month, shard) DO UPDATE SET marked_at = excluded.marked_at;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER visit_contacts_dirty_ins AFTER INSERT ON visit_contacts REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION visit_mark_dirty();
--> statement-breakpoint
CREATE TRIGGER visit_contacts_dirty_upd AFTER UPDATE ON visit_contacts REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION visit_mark_dirty();
--> statement-breakpoint
CREATE TRIGGER visit_contacts_dirty_del AFTER DELETE ON visit_contacts REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION visit_mark_dirty();
--> statement-breakpoint
CREATE TRIGGER visit_totals_dirty_ins AFTER INSERT ON visit_totals REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION visit_mark_dirty();
--> statement-breakpoint
CREATE TRIGGER visit_totals_dirty_upd AFTER UPDATE ON visit_totals REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION visit_mark_dirty();
--> statement-breakpoint
CREATE TRIGGER visit_totals_dirty_del AFTER DELETE ON visit_totals REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION visit_mark_dirty();
--> statement-breakpoint
INSERT INTO visit_themes (label_fr, label_en, position) VALUES
  ('Hébergement', 'Accommodation', 1),
  ('Activités de pleine nature', 'Outdoor activities', 2),
  ('Randonnée', 'Hiking', 3),
  ('Patrimoine et sites', 'Heritage and sites', 4),
  ('Événements', 'Events', 5),
  ('Infos pratiques', 'Practical information', 6),
  ('Billetterie et boutique', 'Tickets and shop', 7);
