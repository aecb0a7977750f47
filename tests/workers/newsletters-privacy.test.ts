import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { simpleParser } from 'mailparser';
import { newsletterLinks, newsletterRecipients } from '../../db/schema';
import { LINK_PATH } from '../../common/newsletter-links';
import { sanitizeNewsletterBody } from '../../server/services/newsletters/body';
import { launched, newTopic, runLane, startNewsletterWorkerEnv, subscribedPartners } from '../helpers/newsletters';

/**
 * What leaves the sending engine (issue 14, point 5): each counted link
 * points to one counter URL shared by every recipient — no identity in it —
 * the unsubscribe and preferences links stay personal and direct, and no
 * image but the letter's own.
 */

let env: Awaited<ReturnType<typeof startNewsletterWorkerEnv>>;
beforeAll(async () => { env = await startNewsletterWorkerEnv(); });
afterAll(async () => env?.close());

const hrefs = (html: string) => [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));

describe('the mails of a campaign with links', () => {
  it('point each link to the same counter URL for every recipient, with no recipient address or account; unsubscribe untouched; no pixel', async () => {
    const topicId = await newTopic(env.ctx);
    const people = await subscribedPartners(env.ctx, 2, topicId);
    const subject = `Liens comptés ${Date.now()}`;
    const body = sanitizeNewsletterBody(
      '<p>Voir <a href="https://www.cevennes-tourisme.fr/agenda?mois=12&theme=fetes">l’agenda</a> et <a href="https://example.org/pass">la Carte PASS</a>, ou <a href="mailto:accueil@example.org">écrire</a>.</p>',
      env.ctx.config.PUBLIC_URL,
    );
    const id = await launched(env.ctx, env.admin.id, { topicId, subject, bodyHtml: body });
    expect((await runLane(env.worker, id)).sent).toBe(2);

    const links = await env.ctx.db.select().from(newsletterLinks).where(eq(newsletterLinks.campaignId, id)).orderBy(newsletterLinks.position);
    const counterUrls = links.map((l) => `${env.ctx.config.PUBLIC_URL}${LINK_PATH}${l.token}`);
    expect(links.map((l) => l.url)).toEqual(['https://www.cevennes-tourisme.fr/agenda?mois=12&theme=fetes', 'https://example.org/pass']);

    const mails = await Promise.all(env.smtp.messages.filter((m) => m.raw.includes(subject) || m.subject === subject).map((m) => simpleParser(m.raw)));
    expect(mails).toHaveLength(2);
    const recipients = await env.ctx.db.select().from(newsletterRecipients).where(eq(newsletterRecipients.campaignId, id));
    const perMail = mails.map((mail) => {
      const html = String(mail.html);
      const links = hrefs(html);
      // The counted links, in order, in the HTML and in the plain text, the original URLs nowhere.
      expect(links.filter((h) => h.includes(LINK_PATH))).toEqual(counterUrls);
      for (const u of counterUrls) expect(mail.text).toContain(u);
      expect(html).not.toContain('cevennes-tourisme.fr/agenda');
      expect(mail.text).not.toContain('cevennes-tourisme.fr/agenda');
      // mailto is not an http link: left as written.
      expect(links).toContain('mailto:accueil@example.org');
      // The unsubscribe link is the person's own and goes straight to the unsubscribe route.
      const unsubscribe = links.filter((h) => h.includes('/api/newsletters/unsubscribe/'));
      expect(unsubscribe).toHaveLength(1);
      // Nothing in a counter URL names the person: it is exactly the link's stored token (equal above for both mails), not their address nor their account.
      const to = mail.to && !Array.isArray(mail.to) ? mail.to.value[0]!.address!.toLowerCase() : '';
      const me = recipients.find((r) => r.address === to)!;
      for (const u of counterUrls) {
        expect(u).not.toContain(to);
        expect(u).not.toContain(encodeURIComponent(to));
        if (me.userId) expect(u).not.toContain(me.userId);
      }
      // No image at all in this letter: so no open-tracking pixel.
      expect(html).not.toMatch(/<img\b/i);
      return { to, unsubscribe: unsubscribe[0] };
    });
    expect(perMail.map((m) => m.to).sort()).toEqual(people.map((p) => p.email.toLowerCase()).sort());
    expect(perMail[0]!.unsubscribe).not.toBe(perMail[1]!.unsubscribe);

    // A click from a mail: counted once, redirected to the stored URL.
    const res = await env.ctx.app.inject({ method: 'GET', url: new URL(counterUrls[1]!).pathname });
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('https://example.org/pass');
    const [pass] = await env.ctx.db.select().from(newsletterLinks).where(eq(newsletterLinks.id, links[1]!.id));
    expect(pass!.clicks).toBe(1);
  });

  it('a letter without links: nothing frozen, the mail as before', async () => {
    const topicId = await newTopic(env.ctx);
    await subscribedPartners(env.ctx, 1, topicId);
    const id = await launched(env.ctx, env.admin.id, { topicId });
    expect((await runLane(env.worker, id)).sent).toBe(1);
    expect(await env.ctx.db.$count(newsletterLinks, eq(newsletterLinks.campaignId, id))).toBe(0);
  });
});
