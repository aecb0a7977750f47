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
CREATE TRIGGER visit_rollup_statistics_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON visit_rollup FOR EACH STATEMENT EXECUTE FUNCTION statistics_notify();--> statement-breakpoint
CREATE TRIGGER visit_themes_statistics_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON visit_themes FOR EACH STATEMENT EXECUTE FUNCTION statistics_notify();--> statement-breakpoint
CREATE TRIGGER offices_statistics_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON offices FOR EACH STATEMENT EXECUTE FUNCTION statistics_notify();--> statement-breakpoint
CREATE TRIGGER figures_rollups_statistics_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON figures_rollups FOR EACH STATEMENT EXECUTE FUNCTION statistics_notify();--> statement-breakpoint
CREATE TRIGGER communautes_statistics_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON communautes FOR EACH STATEMENT EXECUTE FUNCTION statistics_notify();
