import { Alert, Button, Group, Radio, Skeleton, Stack, Switch, Text, TextInput, type ButtonProps } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useState, type ComponentProps, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Fact } from '../../components/Fact';
import { PageHeader } from '../../components/PageHeader';
import { PasswordField } from '../../components/PasswordField';
import { ProfileFormSection, ProfileSection } from '../../components/ProfileSection';
import { RequiredNote } from '../../components/RequiredNote';
import { useErrorMessage, useErrorNotice } from '../../components/States';
import { useDownload } from '../../components/useDownload';
import i18n, { setLanguage } from '../../i18n';
import { api, ApiError, applyFieldErrors } from '../../lib/api';
import { myDataExport, useChangePassword, useUpdateMe } from './api';
import { confirmRule, NewPasswordField, newPasswordRule, submitAfterChecker } from './NewPasswordField';
import { signOutOnPurpose, useUser } from './signed-in';
import { LIMITS, type Me } from './types';
import { requiredText } from './validation';

const NewsMailPreferences = lazy(() => import('../news/NewsMailPreferences'));

/** "Mon profil": identity, preferences, password, signed-in devices and the RGPD rights (export, erasure). */
export default function ProfilePage() {
  const { t } = useTranslation('accounts');
  const user = useUser();
  const { hash } = useLocation();

  // Deep links such as /profil#preferences (the user menu's "Préférences") land on their section.
  useEffect(() => {
    if (!hash) return;
    const target = document.getElementById(hash.slice(1));
    target?.scrollIntoView({ block: 'start' });
    document.getElementById(`${hash.slice(1)}-title`)?.focus();
  }, [hash]);

  return (
    <>
      <PageHeader title={t('profile.title')} description={t('profile.description')} />
      <Stack gap="lg" maw={760}>
        {/* Keyed on the saved values: a change made elsewhere (the header's language menu) shows here at once. */}
        <IdentitySection key={user.name} user={user} />
        <PreferencesSection key={`${user.language}:${JSON.stringify(user.emailPreferences)}`} user={user} />
        {/* News mail (issue 12): frequency and quiet period, the news feature's own form and strings. */}
        <Suspense fallback={<Skeleton height={120} />}>
          <NewsMailPreferences />
        </Suspense>
        <PasswordSection user={user} />
        <LoginsSection />
        <DataSection />
        <DeleteSection />
      </Stack>
    </>
  );
}

function IdentitySection({ user }: { user: Me }) {
  const { t } = useTranslation('accounts');
  const update = useUpdateMe();
  const notifyError = useErrorNotice();
  const form = useForm({
    initialValues: { name: user.name },
    validateInputOnChange: true,
    validate: { name: requiredText(LIMITS.userName) },
  });
  return (
    <ProfileFormSection
      id="informations"
      title={t('profile.identity.title')}
      onSubmit={form.onSubmit((values) =>
        update.mutate(
          { name: values.name.trim() },
          {
            onSuccess: (me) => {
              form.resetDirty({ name: me.name });
              notifications.show({ color: 'cevennes', message: t('profile.identity.saved') });
            },
            onError: (error) => {
              if (!applyFieldErrors(form, error)) notifyError(error);
            },
          },
        ),
      )}
      submitLabel={t('common.save')}
      saving={update.isPending}
      disabled={!form.isDirty()}
    >
      <TextInput label={t('fields.name')} required withAsterisk={false} description={t('common.required')} autoComplete="name" {...form.getInputProps('name')} />
      <TextInput label={t('fields.email')} value={user.email} readOnly description={t('profile.identity.emailHelp')} />
      <Group gap="xl">
        <Fact label={t('fields.role')}>{t(`roles.${user.role}`)}</Fact>
        {user.establishment ? <Fact label={t('fields.establishment')}>{user.establishment.name}</Fact> : null}
        {user.office ? <Fact label={t('fields.office')}>{user.office.name}</Fact> : null}
      </Group>
    </ProfileFormSection>
  );
}

/** The e-mails one may turn off, in the order the switches show them. */
const EMAIL_KINDS = ['news', 'trainings', 'documents', 'figures', 'newsletter'] as const;

function PreferencesSection({ user }: { user: Me }) {
  const { t } = useTranslation('accounts');
  const update = useUpdateMe();
  const notifyError = useErrorNotice();
  const form = useForm({ initialValues: { language: user.language, ...user.emailPreferences } });
  return (
    <ProfileFormSection
      id="preferences"
      title={t('profile.preferences.title')}
      description={t('profile.preferences.description')}
      onSubmit={form.onSubmit(({ language, newsletter, news, trainings, documents, figures }) =>
        update.mutate(
          { language, emailPreferences: { newsletter, news, trainings, documents, figures } },
          {
            onSuccess: async (me) => {
              form.resetDirty({ language: me.language, ...me.emailPreferences });
              await setLanguage(me.language);
              notifications.show({ color: 'cevennes', message: i18n.t('profile.preferences.saved', { ns: 'accounts' }) });
            },
            onError: notifyError,
          },
        ),
      )}
      submitLabel={t('common.save')}
      saving={update.isPending}
      disabled={!form.isDirty()}
    >
      <Radio.Group label={t('profile.preferences.language')} {...form.getInputProps('language')}>
        <Group gap="lg" mt="xs">
          <Radio value="fr" label={t('language.fr')} lang="fr" />
          <Radio value="en" label={t('language.en')} lang="en" />
        </Group>
      </Radio.Group>
      <Stack gap="sm" role="group" aria-labelledby="email-prefs-label">
        <Text size="sm" fw={500} id="email-prefs-label">
          {t('profile.preferences.emails')}
        </Text>
        {EMAIL_KINDS.map((kind) => (
          <Switch key={kind} label={t(`profile.preferences.${kind}`)} description={t(`profile.preferences.${kind}Help`)} {...form.getInputProps(kind, { type: 'checkbox' })} />
        ))}
        <Text size="xs" c="dimmed">
          {t('profile.preferences.transactional')}
        </Text>
      </Stack>
    </ProfileFormSection>
  );
}

function PasswordSection({ user }: { user: Me }) {
  const { t } = useTranslation('accounts');
  const change = useChangePassword();
  const notifyError = useErrorNotice();
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '', confirm: '' },
    validateInputOnChange: ['newPassword', 'confirm'],
    validate: {
      currentPassword: (v) => (v ? null : t('validation.required')),
      newPassword: newPasswordRule(t, () => [user.email, user.name]),
      confirm: confirmRule(t, 'newPassword'),
    },
  });
  return (
    <ProfileFormSection
      id="mot-de-passe"
      title={t('profile.password.title')}
      description={t('profile.password.description')}
      onSubmit={submitAfterChecker(
        form.onSubmit((values) =>
          change.mutate(
            { currentPassword: values.currentPassword, newPassword: values.newPassword },
            {
              onSuccess: () => {
                form.reset();
                notifications.show({ color: 'cevennes', message: t('profile.password.changed') });
              },
              onError: (error) => {
                if (!applyFieldErrors(form, error)) notifyError(error);
              },
            },
          ),
        ),
      )}
      submitLabel={t('profile.password.submit')}
      saving={change.isPending}
    >
      <RequiredNote all />
      <PasswordField label={t('fields.currentPassword')} required autoComplete="current-password" {...form.getInputProps('currentPassword')} />
      <NewPasswordField label={t('fields.newPassword')} userInputs={[user.email, user.name]} {...form.getInputProps('newPassword')} />
      <PasswordField label={t('fields.confirmPassword')} required autoComplete="new-password" {...form.getInputProps('confirm')} />
    </ProfileFormSection>
  );
}

/** After an action that ends the session everywhere (all devices signed out, the account erased): say so, then log-in. */
function useSignedOutNow() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return async (message: string) => {
    notifications.show({ color: 'cevennes', message });
    signOutOnPurpose(queryClient);
    await navigate('/connexion', { replace: true });
  };
}

function LoginsSection() {
  const { t } = useTranslation('accounts');
  const signedOut = useSignedOutNow();
  const notifyError = useErrorNotice();
  const logoutAll = useMutation({
    mutationFn: () => api<void>('/api/auth/logout-all', { method: 'POST' }),
    onSuccess: () => signedOut(t('profile.logins.done')),
    onError: notifyError,
  });
  return (
    <ConfirmedActionSection
      id="logins"
      title={t('profile.logins.title')}
      description={t('profile.logins.description')}
      action={{ label: t('profile.logins.action'), variant: 'default' }}
      dialog={{
        title: t('profile.logins.confirmTitle'),
        message: t('profile.logins.confirmMessage'),
        confirmLabel: t('profile.logins.action'),
        onConfirm: () => logoutAll.mutate(),
        loading: logoutAll.isPending,
      }}
    />
  );
}

function DataSection() {
  const { t } = useTranslation('accounts');
  const download = useDownload();
  return (
    <ProfileSection id="mes-donnees" title={t('profile.data.title')} description={t('profile.data.description')}>
      <Group>
        <Button
          variant="default"
          loading={download.busy !== null}
          onClick={async () => {
            if (await download.run(myDataExport.path, myDataExport.fallbackName())) {
              notifications.show({ color: 'cevennes', message: t('profile.data.downloaded') });
            }
          }}
        >
          {t('profile.data.download')}
        </Button>
      </Group>
    </ProfileSection>
  );
}

function DeleteSection() {
  const { t } = useTranslation('accounts');
  const signedOut = useSignedOutNow();
  const [password, setPassword] = useState('');
  const erase = useMutation({
    mutationFn: (pw: string) => api<void>('/api/me', { method: 'DELETE', body: { password: pw } }),
    onSuccess: () => signedOut(t('profile.delete.done')),
  });
  const errorMessage = useErrorMessage();
  return (
    <ConfirmedActionSection
      id="supprimer"
      title={t('profile.delete.title')}
      description={t('profile.delete.description')}
      danger
      action={{ label: t('profile.delete.action'), color: 'red.8', variant: 'outline' }}
      dialog={{
        title: t('profile.delete.confirmTitle'),
        message: t('profile.delete.confirmMessage'),
        confirmLabel: t('profile.delete.confirm'),
        danger: true,
        onConfirm: () => password && erase.mutate(password),
        loading: erase.isPending,
        confirmDisabled: !password,
      }}
      onClose={() => {
        setPassword('');
        erase.reset();
      }}
    >
      {erase.isError ? (
        <Alert color="red" variant="light" role="alert">
          {(erase.error instanceof ApiError && erase.error.fields.password) || errorMessage(erase.error)}
        </Alert>
      ) : null}
      <PasswordField label={t('profile.delete.password')} required autoComplete="current-password" value={password} onChange={(e) => setPassword(e.currentTarget.value)} data-autofocus />
    </ConfirmedActionSection>
  );
}

interface ConfirmedActionSectionProps extends Omit<ComponentProps<typeof ProfileSection>, 'children'> {
  /** The section's one button, which opens the dialog. */
  action: { label: string; variant: ButtonProps['variant']; color?: ButtonProps['color'] };
  dialog: Omit<ComponentProps<typeof ConfirmDialog>, 'opened' | 'onCancel' | 'children'>;
  /** Run when the dialog is cancelled (e.g. to forget a typed password). */
  onClose?: () => void;
  /** What the dialog asks for besides the confirmation (a password). */
  children?: ReactNode;
}

/** A section of « Mon profil » whose one action (sign out everywhere, erase the account) is confirmed in a dialog first. */
function ConfirmedActionSection({ action, dialog, onClose, children, ...section }: ConfirmedActionSectionProps) {
  const [opened, setOpened] = useState(false);
  return (
    <ProfileSection {...section}>
      <Group>
        <Button color={action.color} variant={action.variant} onClick={() => setOpened(true)}>
          {action.label}
        </Button>
      </Group>
      <ConfirmDialog
        {...dialog}
        opened={opened}
        onCancel={() => {
          setOpened(false);
          onClose?.();
        }}
      >
        {children}
      </ConfirmDialog>
    </ProfileSection>
  );
}
