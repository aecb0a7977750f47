import type { Database } from '../../../db/client';
import { campaignForSending, fieldsOfUser } from '../../../db/queries/newsletters';
import type { NewsletterProps } from '../../../emails/templates/newsletters';
import { fillBodyFields } from '../../../emails/templates/newsletters/newsletter';
import { firstNameOf } from '../../../emails/templates/newsletters/fields';
import { preferencesUrl } from '../../../emails/templates/newsletters/links';
import { uuidParam, type ComposeContext } from '../mail/context';
import { unsubscribeUrl } from './message';

/** Loaders of the newsletters' outbox mails: the test send, with the campaign's content as it is when the mail leaves. */
export const newslettersComposers = {
  'newsletter-test': async (db: Database, params: Record<string, unknown>, ctx: ComposeContext): Promise<NewsletterProps | null> => {
    const campaignId = uuidParam(params, 'campaignId');
    if (!ctx.message.userId) return null;
    const [campaign, me] = await Promise.all([campaignForSending(db, campaignId), fieldsOfUser(db, ctx.message.userId)]);
    if (!campaign || !me) return null;
    const locale = ctx.message.language;
    return {
      subject: campaign.subject, preheader: campaign.preheader, topicName: campaign.topicName[locale],
      bodyHtml: fillBodyFields(campaign.bodyHtml, { prenom: firstNameOf(me.name), etablissement: me.establishment }),
      homeUrl: ctx.config.PUBLIC_URL, preferencesUrl: preferencesUrl(ctx.config, locale),
      unsubscribeUrl: unsubscribeUrl(ctx.config, ctx.message.toAddress, campaign.topicId),
    };
  },
};
