-- Accent-insensitive French full-text search: the built-in `french`
-- configuration keeps accents (and drops « été » as a stop word), so
-- `french_unaccent` maps words through `unaccent` then `french_stem`:
-- "ete" finds « été », "randonnee" finds « randonnées ».
-- Where the unaccent extension cannot be installed (a managed server that
-- refuses it, an embedded build without it), the configuration is a plain copy
-- of `french`: search still works, accent-sensitive; the api logs it at start-up
-- and says it in every search answer (db/queries/documents: searchAccentInsensitive).
DO $$
BEGIN
  BEGIN
    CREATE EXTENSION IF NOT EXISTS unaccent;
  EXCEPTION WHEN OTHERS THEN
    RAISE WARNING 'unaccent is not available (%): French search will be accent-sensitive', SQLERRM;
  END;
  CREATE TEXT SEARCH CONFIGURATION public.french_unaccent (COPY = pg_catalog.french);
  IF EXISTS (SELECT 1 FROM pg_ts_dict WHERE dictname = 'unaccent') THEN
    ALTER TEXT SEARCH CONFIGURATION public.french_unaccent
      ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
  END IF;
END
$$;
