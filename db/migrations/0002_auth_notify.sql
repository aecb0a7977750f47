-- Custom SQL migration file, put your code below! --
-- Tells the api processes (LISTEN auth_principal) that what a request's
-- principal is made of changed: a user's status, role, establishment, office,
-- language, name or e-mail, or a log-in session revoked, shortened or
-- deleted. The api keeps a short-lived in-process cache of principals and
-- drops the entries named here (server/plugins/auth.ts).
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
      PERFORM pg_notify('auth_principal', 's:' || OLD.id::text);
    ELSIF (OLD.revoked_at, OLD.expires_at, OLD.user_id) IS DISTINCT FROM (NEW.revoked_at, NEW.expires_at, NEW.user_id) THEN
      PERFORM pg_notify('auth_principal', 's:' || NEW.id::text);
    END IF;
  END IF;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER users_auth_principal_notify AFTER UPDATE OR DELETE ON users FOR EACH ROW EXECUTE FUNCTION auth_principal_notify();--> statement-breakpoint
CREATE TRIGGER sessions_auth_principal_notify AFTER UPDATE OR DELETE ON sessions FOR EACH ROW EXECUTE FUNCTION auth_principal_notify();
