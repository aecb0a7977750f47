/**
 * Aggregate click counts of a campaign, without identity (CNIL: no
 * per-person tracking without consent). At launch the links of the stored
 * body are frozen, each with an unguessable token; every recipient's mail
 * points a link to the SAME `/api/newsletters/l/<token>` — nothing in it
 * tells who clicked — and a click only adds one to that link's count.
 */

/** Where a campaign's links point in the mails (public: mail clients have no session). */
export const LINK_PATH = '/api/newsletters/l/';
export const trackedLinkUrl = (publicUrl: string, token: string) => `${publicUrl}${LINK_PATH}${token}`;

/** Links never counted: the unsubscribe and preferences links (and anything personal, with a `{{field}}` in it). */
const UNCOUNTED = /\/api\/newsletters\/unsubscribe\/|\/lettres\/(desinscription|preferences)|\{\{/;

const HREF = /(<a\b[^>]*?\shref=")([^"]*)(")/g;

/** The sanitiser writes `&` as `&amp;` in attributes: the URL a browser follows. */
const decodeHref = (raw: string) => raw.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'");

const counted = (url: string) => /^https?:\/\//i.test(url) && !UNCOUNTED.test(url);

/** The distinct http(s) links of a stored (sanitised) body, in order of first appearance, decoded. */
export function bodyLinks(bodyHtml: string): string[] {
  const seen = new Set<string>();
  for (const m of bodyHtml.matchAll(HREF)) {
    const url = decodeHref(m[2]!);
    if (counted(url)) seen.add(url);
  }
  return [...seen];
}

/**
 * The body with each counted link pointing to its token's URL (done once per
 * campaign render, not per recipient). A link without a token (none was
 * frozen for it) is left as written.
 */
export function rewriteBodyLinks(bodyHtml: string, tokens: ReadonlyMap<string, string>, publicUrl: string): string {
  if (!tokens.size) return bodyHtml;
  return bodyHtml.replace(HREF, (all, open: string, raw: string, close: string) => {
    const token = tokens.get(decodeHref(raw));
    return token ? `${open}${trackedLinkUrl(publicUrl, token)}${close}` : all;
  });
}
