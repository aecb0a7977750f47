import { UnrecoverableError } from 'bullmq';
import type { Database } from '../../../db/client';
import { reminderForMail } from '../../../db/queries/figures';
import type { FiguresReminderProps } from '../../../emails/templates/figures';
import { isUuid } from '../../../common/ids';
import { isMonth } from '../../../common/figures';
import { appLink, type ComposeContext } from '../mail/context';

/** Loaders of the figures mails: props rebuilt at send time, or null when the mail no longer applies. */
export const figuresComposers = {
  'figures-reminder': async (db: Database, params: Record<string, unknown>, ctx: ComposeContext): Promise<FiguresReminderProps | null> => {
    const { establishmentId, month } = params;
    if (!isUuid(establishmentId) || typeof month !== 'string' || !isMonth(month)) throw new UnrecoverableError('mail params: establishmentId and month expected');
    if (!ctx.message.userId) return null;
    const r = await reminderForMail(db, establishmentId, month, ctx.message.userId);
    if (!r) return null;
    return { recipientName: r.name, establishmentName: r.establishmentName, month, formUrl: appLink(ctx, `/chiffres/mois/${month}`), homeUrl: appLink(ctx, '/') };
  },
};
