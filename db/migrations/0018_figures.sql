CREATE TABLE "figures_editions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"month" date NOT NULL,
	"comment" text NOT NULL,
	"data" jsonb NOT NULL,
	"published_by" uuid,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "figures_monthly" (
	"establishment_id" uuid NOT NULL,
	"month" date NOT NULL,
	"capacity" integer,
	"nights_sold" integer,
	"arrivals" integer,
	"foreign_share" double precision,
	"countries" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"visitors" integer,
	"average_price_cents" integer,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "figures_monthly_establishment_id_month_pk" PRIMARY KEY("establishment_id","month"),
	CONSTRAINT "figures_monthly_first_day" CHECK (extract(day from "figures_monthly"."month") = 1),
	CONSTRAINT "figures_monthly_nights" CHECK ("figures_monthly"."nights_sold" IS NULL OR "figures_monthly"."capacity" IS NULL OR "figures_monthly"."nights_sold" <= "figures_monthly"."capacity" * extract(day from ("figures_monthly"."month" + interval '1 month' - interval '1 day'))),
	CONSTRAINT "figures_monthly_non_negative" CHECK (coalesce("figures_monthly"."capacity", 0) >= 0 AND coalesce("figures_monthly"."nights_sold", 0) >= 0 AND coalesce("figures_monthly"."arrivals", 0) >= 0 AND coalesce("figures_monthly"."visitors", 0) >= 0)
);
--> statement-breakpoint
CREATE TABLE "figures_reminder_sends" (
	"establishment_id" uuid NOT NULL,
	"month" date NOT NULL,
	"mail_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "figures_reminder_sends_establishment_id_month_pk" PRIMARY KEY("establishment_id","month")
);
--> statement-breakpoint
CREATE TABLE "figures_rollup_dirty" (
	"month" date PRIMARY KEY NOT NULL,
	"marked_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "figures_rollups" (
	"month" date NOT NULL,
	"kind" text NOT NULL,
	"category" text NOT NULL,
	"communaute_id" text NOT NULL,
	"contributors" integer NOT NULL,
	"capacity_days" bigint NOT NULL,
	"capacity_days_max" bigint NOT NULL,
	"nights_sold" bigint NOT NULL,
	"nights_sold_max" bigint NOT NULL,
	"arrivals" bigint NOT NULL,
	"arrivals_max" bigint NOT NULL,
	"foreign_arrivals" double precision NOT NULL,
	"country_arrivals" jsonb NOT NULL,
	"visitors" bigint NOT NULL,
	"visitors_max" bigint NOT NULL,
	"q1" double precision,
	"median" double precision,
	"q3" double precision,
	"refreshed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "figures_rollups_month_kind_category_communaute_id_pk" PRIMARY KEY("month","kind","category","communaute_id")
);
--> statement-breakpoint
ALTER TABLE "users" ALTER COLUMN "email_preferences" SET DEFAULT '{"newsletter":false,"news":true,"trainings":true,"documents":true,"figures":true}'::jsonb;--> statement-breakpoint
ALTER TABLE "figures_editions" ADD CONSTRAINT "figures_editions_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "figures_monthly" ADD CONSTRAINT "figures_monthly_establishment_id_establishments_id_fk" FOREIGN KEY ("establishment_id") REFERENCES "public"."establishments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "figures_monthly" ADD CONSTRAINT "figures_monthly_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "figures_reminder_sends" ADD CONSTRAINT "figures_reminder_sends_establishment_id_establishments_id_fk" FOREIGN KEY ("establishment_id") REFERENCES "public"."establishments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "figures_reminder_sends" ADD CONSTRAINT "figures_reminder_sends_mail_id_mail_messages_id_fk" FOREIGN KEY ("mail_id") REFERENCES "public"."mail_messages"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "figures_editions_month_idx" ON "figures_editions" USING btree ("month");--> statement-breakpoint
CREATE INDEX "figures_monthly_month_idx" ON "figures_monthly" USING btree ("month");--> statement-breakpoint
-- The rollup's stale months: any change of a month's figures, or of an establishment's category or commune (it moves between groups), marks the months concerned; the worker (figures.rollup) rebuilds them.
CREATE FUNCTION figures_mark_dirty() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO figures_rollup_dirty (month) VALUES (OLD.month) ON CONFLICT (month) DO NOTHING;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO figures_rollup_dirty (month) VALUES (NEW.month) ON CONFLICT (month) DO NOTHING;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER figures_monthly_dirty AFTER INSERT OR UPDATE OR DELETE ON figures_monthly FOR EACH ROW EXECUTE FUNCTION figures_mark_dirty();
--> statement-breakpoint
CREATE FUNCTION figures_mark_establishment_dirty() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO figures_rollup_dirty (month)
    SELECT DISTINCT month FROM figures_monthly WHERE establishment_id = NEW.id
    ON CONFLICT (month) DO NOTHING;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER establishments_figures_dirty AFTER UPDATE OF category, commune_insee ON establishments FOR EACH ROW
  WHEN (OLD.category IS DISTINCT FROM NEW.category OR OLD.commune_insee IS DISTINCT FROM NEW.commune_insee)
  EXECUTE FUNCTION figures_mark_establishment_dirty();
