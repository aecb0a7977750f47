-- The api keeps each page of the partners' news feed (its 20 posts with their
-- comment counts, pinned first) in memory per audience profile, category and
-- page, on the `news_feed` channel (server/services/news/feed-pages.ts).
--
-- One trigger function for every channel from now on: the channel is the
-- trigger's first argument (TG_ARGV[0]), so a new cache adds CREATE TRIGGER
-- lines instead of one more copy of the same body. Payload: the table's
-- name (the cache empties itself); for a row trigger given a column as its
-- second argument, `column:value` of the row (old and new), so that the
-- cache drops only the entries of that value (feed-cache's `evicts`).
CREATE OR REPLACE FUNCTION notify_channel() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_LEVEL = 'ROW' AND TG_NARGS > 1 THEN
    IF TG_OP <> 'INSERT' THEN
      PERFORM pg_notify(TG_ARGV[0], TG_ARGV[1] || ':' || (to_jsonb(OLD) ->> TG_ARGV[1]));
    END IF;
    IF TG_OP <> 'DELETE' THEN
      PERFORM pg_notify(TG_ARGV[0], TG_ARGV[1] || ':' || (to_jsonb(NEW) ->> TG_ARGV[1]));
    END IF;
  ELSE
    PERFORM pg_notify(TG_ARGV[0], TG_TABLE_NAME);
  END IF;
  RETURN NULL;
END;
$$;--> statement-breakpoint
-- A page shows each post's count of shown comments: a comment written,
-- hidden, edited or deleted changes it.
CREATE TRIGGER news_comments_feed_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON news_comments FOR EACH STATEMENT EXECUTE FUNCTION notify_channel('news_feed');--> statement-breakpoint
-- A page shows an event's office (name, address) and commune (name, postal
-- code, position), and the author's name (only the name: other updates of
-- users do not fire).
CREATE TRIGGER offices_news_feed_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON offices FOR EACH STATEMENT EXECUTE FUNCTION notify_channel('news_feed');--> statement-breakpoint
CREATE TRIGGER communes_news_feed_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON communes FOR EACH STATEMENT EXECUTE FUNCTION notify_channel('news_feed');--> statement-breakpoint
CREATE TRIGGER users_news_feed_notify AFTER UPDATE OF name OR DELETE ON users FOR EACH STATEMENT EXECUTE FUNCTION notify_channel('news_feed');--> statement-breakpoint
-- A read mark no longer empties the shared pages and totals (one reader
-- opening a post would flush every reader's pages): read marks NOTIFY their
-- own channel, `news_reads`, with the reader's id (one notification per
-- reader and transaction: PostgreSQL folds identical ones), and only that
-- reader's count of posts read is dropped. Those counts also depend on which
-- posts are live in the reader's audience, so a write to news_posts
-- notifies that channel too (all counts dropped).
DROP TRIGGER news_reads_feed_notify ON news_reads;--> statement-breakpoint
CREATE TRIGGER news_reads_reads_notify AFTER INSERT OR UPDATE OR DELETE ON news_reads FOR EACH ROW EXECUTE FUNCTION notify_channel('news_reads', 'user_id');--> statement-breakpoint
CREATE TRIGGER news_reads_truncate_notify AFTER TRUNCATE ON news_reads FOR EACH STATEMENT EXECUTE FUNCTION notify_channel('news_reads');--> statement-breakpoint
CREATE TRIGGER news_posts_reads_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON news_posts FOR EACH STATEMENT EXECUTE FUNCTION notify_channel('news_reads');
