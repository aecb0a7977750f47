import { defineTemplate } from '../template';
import { FiguresReminder, figuresReminderSubject, type FiguresReminderProps } from './reminder';

export type { FiguresReminderProps };

/** The partners' figures mails, by the name stored in mail_messages.template. */
export const figuresTemplates = {
  'figures-reminder': defineTemplate<FiguresReminderProps>({ component: FiguresReminder, subject: figuresReminderSubject }),
};
