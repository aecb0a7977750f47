import { invitation, type InvitationProps } from './invitation';
import { passwordChanged, type PasswordChangedProps } from './password-changed';
import { passwordReset, type PasswordResetProps } from './password-reset';

export type { InvitationProps, PasswordChangedProps, PasswordResetProps };

/** The accounts feature's mails, by the name stored in mail_messages.template. */
export const accountsTemplates = {
  invitation,
  'password-reset': passwordReset,
  'password-changed': passwordChanged,
};
