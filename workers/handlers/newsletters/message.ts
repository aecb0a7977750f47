import type { Config } from '../../../common/config';
import { unsubscribeToken } from '../../../common/link-tokens';
import { rewriteBodyLinks } from '../../../common/newsletter-links';
import type { Locale } from '../../../emails/templates/layout';
import { personalise, renderNewsletter, type RenderedNewsletter } from '../../../emails/templates/newsletters/newsletter';
import { firstNameOf } from '../../../emails/templates/newsletters/fields';
import { preferencesUrl } from '../../../emails/templates/newsletters/links';
import type { OutgoingMail } from '../../../emails/transport';
import type { campaignForSending, ClaimedRecipient } from '../../../db/queries/newsletters';

type Campaign = NonNullable<Awaited<ReturnType<typeof campaignForSending>>>;

/** The unsubscribe link of one address for one topic (RFC 8058: https in production, where PUBLIC_URL is). */
export const unsubscribeUrl = (config: Pick<Config, 'PUBLIC_URL' | 'JWT_SECRET'>, address: string, topicId: string) =>
  `${config.PUBLIC_URL}/api/newsletters/unsubscribe/${unsubscribeToken(config.JWT_SECRET, address, topicId)}`;

/**
 * Builds each recipient's message of a campaign: the body is rendered once
 * per language (on first use), then only the unsubscribe link and the
 * personal fields change. The body's links point to their counters
 * (`links`: URL → token, frozen at launch), rewritten once here: the same
 * URL for every recipient, no identity in it.
 */
export function campaignMessages(config: Pick<Config, 'PUBLIC_URL' | 'JWT_SECRET'>, campaign: Campaign, links: ReadonlyMap<string, string> = new Map()) {
  const rendered = new Map<Locale, Promise<RenderedNewsletter>>();
  const bodyHtml = rewriteBodyLinks(campaign.bodyHtml, links, config.PUBLIC_URL);
  const renderedFor = (locale: Locale) => {
    let r = rendered.get(locale);
    if (!r) {
      r = renderNewsletter({
        subject: campaign.subject, preheader: campaign.preheader, bodyHtml, topicName: campaign.topicName[locale],
        homeUrl: config.PUBLIC_URL, preferencesUrl: preferencesUrl(config, locale),
      }, locale);
      rendered.set(locale, r);
    }
    return r;
  };
  const host = new URL(config.PUBLIC_URL).hostname;
  return async (r: ClaimedRecipient): Promise<OutgoingMail> => {
    const url = unsubscribeUrl(config, r.address, campaign.topicId);
    const body = personalise(await renderedFor(r.language), url, { prenom: firstNameOf(r.name), etablissement: r.establishment });
    return {
      from: campaign.sender,
      to: r.address,
      subject: campaign.subject,
      html: body.html,
      text: body.text,
      headers: {
        'List-Unsubscribe': `<${url}>`,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
        'List-Id': `<${campaign.topicId}.newsletters.${host}>`,
        Precedence: 'bulk',
        'Content-Language': r.language,
      },
      // A Message-ID per recipient, stable: `<nl-<campaign>-<recipient row>@sender domain>`.
      reference: `nl-${campaign.id}-${r.id}`,
    };
  };
}
