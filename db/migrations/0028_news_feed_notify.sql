-- Custom SQL migration file, put your code below! --
-- Tells the api processes (LISTEN news_feed) that the partners' news feed
-- may count differently: a post written, published, re-targeted, scheduled,
-- expired or removed, or a read mark added or removed. The api keeps the
-- feed's totals per audience profile, and each reader's count of posts read,
-- in memory and drops them here (server/services/news/feed-totals.ts). A trigger
-- rather than a call in each write, so that no write path (the publication
-- job, erasure, a script) can forget it; one notification per statement,
-- folded within a transaction.
CREATE OR REPLACE FUNCTION news_feed_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('news_feed', TG_TABLE_NAME);
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER news_posts_feed_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON news_posts FOR EACH STATEMENT EXECUTE FUNCTION news_feed_notify();--> statement-breakpoint
CREATE TRIGGER news_reads_feed_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON news_reads FOR EACH STATEMENT EXECUTE FUNCTION news_feed_notify();
