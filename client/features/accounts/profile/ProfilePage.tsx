import { Skeleton, Stack } from '@mantine/core';
import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { PageHeader } from '../../../components/PageHeader';
import { useUser } from '../signed-in';
import { DataSection } from './DataSection';
import { DeleteSection } from './DeleteSection';
import { IdentitySection } from './IdentitySection';
import { LoginsSection } from './LoginsSection';
import { PasswordSection } from './PasswordSection';
import { PreferencesSection } from './PreferencesSection';

const NewsMailPreferences = lazy(() => import('../../news/NewsMailPreferences'));

/** "Mon profil": identity, preferences, password, signed-in devices and the RGPD rights (export, erasure), one file per section. */
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
