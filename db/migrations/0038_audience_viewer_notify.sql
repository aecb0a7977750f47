-- The api keeps each establishment's audience viewer (its category,
-- sub-category, commune, the commune's communauté and that communauté's
-- active offices: db/queries/audience.ts loadAudienceViewer) in memory, on
-- the `audience_viewer` channel (server/services/audience-viewer.ts), so a
-- partner's read of audience-bearing content no longer waits for it.
--
-- An establishment's own facts: a row trigger with the establishment's id as
-- payload (`id:<uuid>`, notify_channel() of migration 0036), so only that
-- establishment's viewer is dropped. Other updates (name, address...) do not fire.
CREATE TRIGGER establishments_audience_viewer_notify AFTER INSERT OR UPDATE OF category, subcategory, commune_insee OR DELETE ON establishments FOR EACH ROW EXECUTE FUNCTION notify_channel('audience_viewer', 'id');--> statement-breakpoint
CREATE TRIGGER establishments_audience_viewer_truncate_notify AFTER TRUNCATE ON establishments FOR EACH STATEMENT EXECUTE FUNCTION notify_channel('audience_viewer');--> statement-breakpoint
-- A commune moved to another communauté, or an office moved or (de)activated,
-- changes the viewers of many establishments: no payload, every viewer dropped.
CREATE TRIGGER communes_audience_viewer_notify AFTER INSERT OR UPDATE OF communaute_id OR DELETE OR TRUNCATE ON communes FOR EACH STATEMENT EXECUTE FUNCTION notify_channel('audience_viewer');--> statement-breakpoint
CREATE TRIGGER offices_audience_viewer_notify AFTER INSERT OR UPDATE OF commune_insee, active OR DELETE OR TRUNCATE ON offices FOR EACH STATEMENT EXECUTE FUNCTION notify_channel('audience_viewer');
