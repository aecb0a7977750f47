import { SimpleGrid } from '@mantine/core';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { useUser } from '../features/accounts/signed-in';
import { formatLongDate } from '../lib/format';
import { PageHeader } from './PageHeader';

/** "Accueil": a greeting, then each feature's tiles, in the order of `client/features/index.ts`. */
export function HomePage({ tiles }: { tiles: readonly ComponentType[] }) {
  const { t } = useTranslation();
  const user = useUser();
  const firstName = user.name.split(/\s+/)[0] ?? user.name;
  return (
    <>
      <PageHeader title={t('home.greeting', { name: firstName })} documentTitle={t('nav.home')} description={formatLongDate(new Date())} />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        {tiles.map((Tiles, i) => (
          <Tiles key={i} />
        ))}
      </SimpleGrid>
    </>
  );
}
