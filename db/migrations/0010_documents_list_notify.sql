-- Tells the api processes (LISTEN documents_list) that the library's lists may
-- count differently: a document added, removed, published, moved or
-- re-targeted, or a new current version (its file type is a filter). The api
-- keeps list totals in memory and drops them here
-- (server/services/documents/list-totals.ts). A trigger rather than a call in
-- each write, so that no write path (contributions, restores, workers) can
-- forget it; one notification per statement, folded within a transaction.
CREATE OR REPLACE FUNCTION documents_list_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('documents_list', TG_TABLE_NAME);
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER documents_list_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON documents FOR EACH STATEMENT EXECUTE FUNCTION documents_list_notify();--> statement-breakpoint
CREATE TRIGGER document_versions_list_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON document_versions FOR EACH STATEMENT EXECUTE FUNCTION documents_list_notify();
