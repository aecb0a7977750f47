import { figuresReminder, type FiguresReminderProps } from './reminder';

export type { FiguresReminderProps };

/** The partners' figures mails, by the name stored in mail_messages.template. */
export const figuresTemplates = {
  'figures-reminder': figuresReminder,
};
