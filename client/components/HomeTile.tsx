import { Anchor, Card, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { QueryLike } from './QueryState';
import { ErrorState } from './States';

/** One tile of the home page ("Accueil"): a section named by its title (a region landmark). */
export function HomeTile({ title, children, badge }: { title: string; children: ReactNode; badge?: ReactNode }) {
  const titleId = useId();
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby={titleId}>
      <Stack gap="xs">
        <Group justify="space-between" gap="xs">
          <Title order={2} fz="h4" id={titleId}>
            {title}
          </Title>
          {badge}
        </Group>
        {children}
      </Stack>
    </Card>
  );
}

interface TileListProps<T> {
  query: QueryLike<{ items: readonly T[] }>;
  /** Said when the query answered with no item. */
  empty: string;
  children: (item: T) => ReactNode;
  /** The pages behind the tile, under the list. */
  links: { to: string; label: string }[];
}

/** A tile's short list read from the api (next sessions, unread posts): two placeholder lines while loading, the error with « Réessayer », the empty sentence, the items, then the links. */
export function TileList<T extends { id: string }>({ query, empty, children, links }: TileListProps<T>) {
  const { t } = useTranslation();
  const items = query.data?.items ?? [];
  return (
    <>
      {query.isPending ? (
        <Stack gap={6} role="status" aria-label={t('common.loading')}>
          <Skeleton height={16} width="80%" />
          <Skeleton height={16} width="60%" />
        </Stack>
      ) : null}
      {query.isError ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.data && items.length === 0 ? <Text size="sm">{empty}</Text> : null}
      {items.length > 0 ? (
        <Stack gap="sm" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {items.map((item) => (
            <li key={item.id}>{children(item)}</li>
          ))}
        </Stack>
      ) : null}
      <Group gap="md">
        {links.map((link) => (
          <Anchor key={link.to} component={Link} to={link.to} size="sm">
            {link.label}
          </Anchor>
        ))}
      </Group>
    </>
  );
}
