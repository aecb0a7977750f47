-- Custom SQL migration file, put your code below! --
-- The in-process principal cache is gone (bench:machinery: the light read
-- through it ran at 0.97 x the plain api, under the 1.10 x it had to earn):
-- every authenticated request reads its user and log-in from PostgreSQL, so a
-- disabled account or a revoked log-in is refused at the next request with no
-- notification. The triggers that told that cache about changes (0002_auth_notify,
-- renamed in 0008_logins) served nothing else.
DROP TRIGGER IF EXISTS "users_auth_principal_notify" ON "users";--> statement-breakpoint
DROP TRIGGER IF EXISTS "logins_auth_principal_notify" ON "logins";--> statement-breakpoint
DROP FUNCTION IF EXISTS auth_principal_notify();
