-- Custom SQL migration file, put your code below! --
-- Log-in sessions become "logins", so that "session" means only a training
-- session. A rename, not a copy: rows, refresh tokens and the change-feed
-- trigger (0002_auth_notify) stay, under the new names.
ALTER TABLE "sessions" RENAME TO "logins";--> statement-breakpoint
ALTER TABLE "logins" RENAME CONSTRAINT "sessions_pkey" TO "logins_pkey";--> statement-breakpoint
ALTER TABLE "logins" RENAME CONSTRAINT "sessions_user_id_users_id_fk" TO "logins_user_id_users_id_fk";--> statement-breakpoint
ALTER INDEX "sessions_user_idx" RENAME TO "logins_user_idx";--> statement-breakpoint
ALTER TABLE "refresh_tokens" RENAME COLUMN "session_id" TO "login_id";--> statement-breakpoint
ALTER TABLE "refresh_tokens" RENAME CONSTRAINT "refresh_tokens_session_id_sessions_id_fk" TO "refresh_tokens_login_id_logins_id_fk";--> statement-breakpoint
ALTER INDEX "refresh_tokens_session_idx" RENAME TO "refresh_tokens_login_idx";--> statement-breakpoint
ALTER TRIGGER "sessions_auth_principal_notify" ON "logins" RENAME TO "logins_auth_principal_notify";--> statement-breakpoint
-- Same function as 0002_auth_notify; a log-in is now announced as `l:<login id>` (was `s:`).
CREATE OR REPLACE FUNCTION auth_principal_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'users' THEN
    IF TG_OP = 'DELETE' THEN
      PERFORM pg_notify('auth_principal', 'u:' || OLD.id::text);
    ELSIF (OLD.status, OLD.role, OLD.establishment_id, OLD.office_id, OLD.language, OLD.name, OLD.email)
        IS DISTINCT FROM (NEW.status, NEW.role, NEW.establishment_id, NEW.office_id, NEW.language, NEW.name, NEW.email) THEN
      PERFORM pg_notify('auth_principal', 'u:' || NEW.id::text);
    END IF;
  ELSE
    IF TG_OP = 'DELETE' THEN
      PERFORM pg_notify('auth_principal', 'l:' || OLD.id::text);
    ELSIF (OLD.revoked_at, OLD.expires_at, OLD.user_id) IS DISTINCT FROM (NEW.revoked_at, NEW.expires_at, NEW.user_id) THEN
      PERFORM pg_notify('auth_principal', 'l:' || NEW.id::text);
    END IF;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- The audit trail names log-ins the same way.
UPDATE "audit_log" SET "target_type" = 'login' WHERE "target_type" = 'session';
