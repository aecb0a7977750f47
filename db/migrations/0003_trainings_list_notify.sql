-- Custom SQL migration file, put your code below! --
-- Tells the api processes (LISTEN trainings_list) that the partners' list of
-- upcoming sessions may have changed: a session (seats, status, time, place),
-- its training (title, theme, summary) or a place's name or address. The api
-- caches the shared part of that list in memory and drops it here
-- (server/services/trainings-session-list.ts). One notification per
-- statement: NOTIFY folds identical ones within a transaction.
CREATE OR REPLACE FUNCTION trainings_list_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('trainings_list', TG_TABLE_NAME);
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER training_sessions_list_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON training_sessions FOR EACH STATEMENT EXECUTE FUNCTION trainings_list_notify();--> statement-breakpoint
CREATE TRIGGER trainings_list_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON trainings FOR EACH STATEMENT EXECUTE FUNCTION trainings_list_notify();--> statement-breakpoint
CREATE TRIGGER offices_list_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON offices FOR EACH STATEMENT EXECUTE FUNCTION trainings_list_notify();--> statement-breakpoint
CREATE TRIGGER communes_list_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON communes FOR EACH STATEMENT EXECUTE FUNCTION trainings_list_notify();
