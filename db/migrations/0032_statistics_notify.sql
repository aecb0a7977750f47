-- Custom SQL migration file, put your code below! --
-- Tells the api processes (LISTEN statistics) that the statistics dashboards
-- may have changed: the visits rollup (rebuilt by the worker at most a minute
-- after a contact), the request themes, the offices (names), the partners'
-- figures rollup and the communautés (names). The api keeps the staff
-- dashboards' figures in memory (server/services/statistics-cache.ts, one
-- feed cache) and drops them here. One notification per statement: NOTIFY
-- folds identical ones within a transaction (a rollup run sends one).
CREATE OR REPLACE FUNCTION statistics_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('statistics', TG_TABLE_NAME);
  RETURN NULL;
END;
$$;--> statement-breakpoint
-- One trigger per table, named <table>_statistics_notify (listed in CACHED_TABLES).
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['visit_rollup', 'visit_themes', 'offices', 'figures_rollups', 'communautes'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION statistics_notify()', t || '_statistics_notify', t);
  END LOOP;
END $$;
