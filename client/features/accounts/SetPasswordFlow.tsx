import { Anchor, Button, Stack, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PasswordField } from '../../components/PasswordField';
import { RequiredNote } from '../../components/RequiredNote';
import { ErrorState, FormError, PageSkeleton } from '../../components/States';
import { useTokenInfo } from './api';
import { AuthCard } from './AuthCard';
import { NewPasswordField, submitAfterChecker } from './NewPasswordField';
import type { TokenInfo } from './types';

interface TokenLinkPageProps {
  purpose: TokenInfo['purpose'];
  title: string;
  /** The explanation under the title, once the token says whose account it is. */
  description: (email: string) => string;
  children: (token: string, info: TokenInfo) => ReactNode;
}

/** The page an e-mailed link (invitation, password reset) opens: the token is checked first, a dead link says so. */
export function TokenLinkPage({ purpose, title, description, children }: TokenLinkPageProps) {
  const { token = '' } = useParams();
  const info = useTokenInfo(token, purpose);
  return (
    <AuthCard title={title} description={info.data ? description(info.data.email) : undefined}>
      {info.isPending ? <PageSkeleton lines={3} /> : null}
      {info.isError ? <InvalidLink error={info.error} purpose={purpose} /> : null}
      {info.data ? children(token, info.data) : null}
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
        <Button type="submit" loading={pending} fullWidth>
          {submitLabel}
        </Button>
      </Stack>
    </form>
  );
}
