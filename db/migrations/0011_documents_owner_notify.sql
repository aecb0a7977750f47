-- The api keeps the library's pages in memory (server/services/documents/list-cache.ts),
-- and a page shows each document's owner by name: a renamed or deleted user
-- must empty them as a new document does (function of migration 0010). Only
-- the name is shown, so only an update that sets it fires; one notification per statement.
CREATE TRIGGER users_documents_list_notify AFTER UPDATE OF name OR DELETE ON users FOR EACH STATEMENT EXECUTE FUNCTION documents_list_notify();
