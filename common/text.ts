/** Escapes LIKE wildcards so a search for "100%" means the text "100%". */
export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, '\\$&');
}

/** A "contains" LIKE pattern of a trimmed search. */
export function likePattern(search: string): string {
  return `%${escapeLike(search.trim())}%`;
}

/** A timestamp as the API writes it (ISO 8601, UTC). */
export const iso = (d: Date | string): string => new Date(d).toISOString();
export const isoOrNull = (d: Date | string | null | undefined): string | null => (d ? iso(d) : null);
