import { defineTemplate } from '../template';
import { Invitation, invitationSubject, type InvitationProps } from './invitation';
import { PasswordChanged, passwordChangedSubject, type PasswordChangedProps } from './password-changed';
import { PasswordReset, passwordResetSubject, type PasswordResetProps } from './password-reset';

export type { InvitationProps, PasswordChangedProps, PasswordResetProps };

/** The accounts feature's mails, by the name stored in mail_messages.template. */
export const accountsTemplates = {
  invitation: defineTemplate<InvitationProps>({ component: Invitation, subject: invitationSubject }),
  'password-reset': defineTemplate<PasswordResetProps>({ component: PasswordReset, subject: passwordResetSubject }),
  'password-changed': defineTemplate<PasswordChangedProps>({ component: PasswordChanged, subject: passwordChangedSubject }),
};
