import { Anchor, Stack, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { ComponentType, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PasswordField } from '../../components/PasswordField';
import { RequiredNote } from '../../components/RequiredNote';
import { ErrorState, FormError, PageSkeleton } from '../../components/States';
import { useTokenInfo } from './api';
import { AuthCard, AuthSubmit } from './AuthCard';
import { NewPasswordField, submitAfterChecker } from './NewPasswordField';
import type { TokenInfo } from './types';

/** The form of a page an e-mailed link opens, once its token is known good: for whom (e-mail, name) and the token to send back. */
export interface TokenFormProps {
  token: string;
  email: string;
  name: string;
}

/** Each link's page title and explanation (the latter names the account once the token is read). */
const TEXTS = {
  invitation: 'invitation',
  password_reset: 'reset',
} as const satisfies Record<TokenInfo['purpose'], string>;

/** The page an e-mailed link (invitation, password reset) opens: the token is checked first, a dead link says so, a good one shows `form`. */
export function TokenLinkPage({ purpose, form: Form }: { purpose: TokenInfo['purpose']; form: ComponentType<TokenFormProps> }) {
  const { t } = useTranslation('accounts');
  const { token = '' } = useParams();
  const info = useTokenInfo(token, purpose);
  const texts = TEXTS[purpose];
  return (
    <AuthCard title={t(`auth.${texts}.title`)} description={info.data ? t(`auth.${texts}.description`, { email: info.data.email }) : undefined}>
      {info.isPending ? <PageSkeleton lines={3} /> : null}
      {info.isError ? <InvalidLink error={info.error} purpose={purpose} /> : null}
      {info.data ? <Form token={token} email={info.data.email} name={info.data.name} /> : null}
    </AuthCard>
  );
}

/**
 * A dead link says what to do next: an invitation (account never activated) is renewed by the office,
 * or by asking for a new link with the same address; a reset link is simply asked for again.
 */
function InvalidLink({ error, purpose }: { error: unknown; purpose: TokenInfo['purpose'] }) {
  const { t } = useTranslation('accounts');
  return (
    <Stack gap="md">
      <ErrorState error={error} title={t('auth.invalidLink.title')} />
      {purpose === 'invitation' ? <Text size="sm">{t('auth.invalidLink.invitation')}</Text> : null}
      <Anchor component={Link} to="/mot-de-passe-oublie">
        {purpose === 'invitation' ? t('auth.invalidLink.newInvitation') : t('auth.invalidLink.forgot')}
      </Anchor>
      <Anchor component={Link} to="/connexion">
        {t('auth.invalidLink.login')}
      </Anchor>
    </Stack>
  );
}

export interface PasswordValues {
  password: string;
  confirm: string;
}

interface SetPasswordFormProps<V extends PasswordValues> {
  form: UseFormReturnType<V>;
  /** Name and e-mail: a password made of them is refused as too easy to guess. */
  userInputs: string[];
  submitLabel: string;
  pending: boolean;
  /** The last failed submission, if any. */
  error: unknown;
  onValid: (values: V) => void;
  /** The page's own fields, shown above the password. */
  children?: ReactNode;
}

/** Choosing a password from an e-mailed link: the new password typed twice, checked as the server will. */
export function SetPasswordForm<V extends PasswordValues>({ form, userInputs, submitLabel, pending, error, onValid, children }: SetPasswordFormProps<V>) {
  const { t } = useTranslation('accounts');
  return (
    <form noValidate onSubmit={submitAfterChecker(form.onSubmit(onValid))}>
      <Stack gap="md">
        <FormError error={error} />
        <RequiredNote all />
        {children}
        <NewPasswordField label={t('fields.newPassword')} userInputs={userInputs} {...form.getInputProps('password')} />
        <PasswordField label={t('fields.confirmPassword')} required autoComplete="new-password" {...form.getInputProps('confirm')} />
        <AuthSubmit label={submitLabel} pending={pending} />
      </Stack>
    </form>
  );
}
