import sanitizeHtml from 'sanitize-html';
import { CAMPAIGN_CHECKS, NEWSLETTER_LIMITS as L, type CampaignCheck } from '../../../common/newsletters';
import { renderNewsletter, UNSUBSCRIBE_PLACEHOLDER } from '../../../emails/templates/newsletters/newsletter';
import { unknownFields } from '../../../emails/templates/newsletters/fields';

/** Where the composer's images are served (public, unguessable token: mail clients have no session). */
export const IMAGE_PATH = '/api/newsletters/images/';
export const imageUrl = (publicUrl: string, token: string) => `${publicUrl}${IMAGE_PATH}${token}`;

/**
 * A newsletter body: the trainings' formatting tags and link rule, plus
 * images — only those uploaded through the composer (served from this
 * site's image path), with their alt text kept (the checks require one).
 */
export function sanitizeNewsletterBody(html: string, publicUrl: string): string {
  const ours = `${publicUrl}${IMAGE_PATH}`;
  return sanitizeHtml(html, {
    allowedTags: ['p', 'br', 'strong', 'b', 'em', 'i', 'u', 's', 'a', 'ul', 'ol', 'li', 'h2', 'h3', 'h4', 'blockquote', 'code', 'img'],
    allowedAttributes: { a: ['href', 'rel', 'target'], img: ['src', 'alt', 'width', 'height'] },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowProtocolRelative: false,
    transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer nofollow', target: '_blank' }) },
    exclusiveFilter: (frame) => frame.tag === 'img' && !(frame.attribs.src ?? '').startsWith(ours),
  }).trim();
}

export interface CheckResult {
  key: CampaignCheck;
  ok: boolean;
  /** A failed blocking check refuses the launch (and the schedule); a failed warning only shows. */
  blocking: boolean;
  /** What failed: the offending links, the unknown fields, the number of images without alt text. */
  details: string[];
}

const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

function wellFormed(href: string | undefined): boolean {
  if (!href) return false;
  try {
    const u = new URL(href.replace(/&amp;/g, '&'));
    if (u.protocol === 'mailto:') return /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(decodeURIComponent(u.pathname));
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return false;
    // A host a mail client can reach: a dotted name (« https://cevennes » is a typo), or localhost and an IP address in tests.
    return /\.[a-z]{2,}$/i.test(u.hostname) || u.hostname === 'localhost' || /^\d+\.\d+\.\d+\.\d+$/.test(u.hostname);
  } catch {
    return false;
  }
}

/**
 * The checks before sending, on the stored (sanitised) body and its rendering:
 * a subject (and not too long: cut on phones past L.subjectWarn, refused past
 * L.subjectMax), an alt text on every image, every link well formed (the
 * sanitiser drops a `javascript:` href, leaving a link to nowhere: caught
 * here), only known personal fields, the unsubscribe link in both parts, a
 * plain-text part with the letter's words.
 */
export async function campaignChecks(c: { subject: string; preheader: string; bodyHtml: string; topicName: string }): Promise<CheckResult[]> {
  const imgs = c.bodyHtml.match(/<img\b[^>]*>/g) ?? [];
  const links = c.bodyHtml.match(/<a\b[^>]*>/g) ?? [];
  const rendered = await renderNewsletter({ subject: c.subject, preheader: c.preheader, bodyHtml: c.bodyHtml, topicName: c.topicName, homeUrl: 'https://example.org', preferencesUrl: 'https://example.org/p' }, 'fr');
  const bodyOnly = await renderNewsletter({ subject: c.subject, preheader: c.preheader, bodyHtml: '', topicName: c.topicName, homeUrl: 'https://example.org', preferencesUrl: 'https://example.org/p' }, 'fr');
  const words = (s: string) => s.replace(/\s+/g, ' ').trim();
  const badLinks = links.map((a) => attr(a, 'href') ?? '').filter((h) => !wellFormed(h)).map((h) => h || '(lien vide)');
  const subject = c.subject.trim();
  const results: Record<CampaignCheck, Omit<CheckResult, 'key'>> = {
    subject: { ok: subject.length > 0, blocking: true, details: [] },
    subjectLength: subject.length > L.subjectMax
      ? { ok: false, blocking: true, details: [String(subject.length)] }
      : { ok: subject.length <= L.subjectWarn, blocking: false, details: [String(subject.length)] },
    altTexts: (() => {
      const missing = imgs.filter((i) => !(attr(i, 'alt') ?? '').trim()).length;
      return { ok: missing === 0, blocking: true, details: missing ? [String(missing)] : [] };
    })(),
    links: { ok: badLinks.length === 0, blocking: true, details: badLinks },
    fields: (() => {
      const unknown = unknownFields(c.bodyHtml);
      return { ok: unknown.length === 0, blocking: true, details: unknown };
    })(),
    unsubscribe: { ok: rendered.html.includes(UNSUBSCRIBE_PLACEHOLDER) && rendered.text.includes(UNSUBSCRIBE_PLACEHOLDER), blocking: true, details: [] },
    // The letter's own words in the text part: the text of the whole mail minus that of the same mail with an empty body.
    plainText: { ok: words(rendered.text).length > words(bodyOnly.text).length, blocking: true, details: [] },
  };
  return CAMPAIGN_CHECKS.map((key) => ({ key, ...results[key] }));
}

export const blockingFailures = (checks: CheckResult[]) => checks.filter((x) => x.blocking && !x.ok);
