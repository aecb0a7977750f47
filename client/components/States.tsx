import { Alert, Button, EmptyState as MantineEmptyState, Skeleton, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../lib/api';

/** The server's message when it gave one (already in the user's language), else a generic one. */
export function useErrorMessage() {
  const { t } = useTranslation();
  return (error: unknown): string => {
    if (error instanceof ApiError) {
      if (error.message) return error.message;
      if (error.status === 0) return t('errors.network');
      if (error.status === 404) return t('errors.notFound');
      if (error.status === 403) return t('errors.forbidden');
    }
    return t('errors.unexpected');
  };
}

/** A failed action (a save, a deletion) told in a notification, in the server's words. */
export function useErrorNotice() {
  const message = useErrorMessage();
  return (error: unknown): void => {
    notifications.show({ color: 'red', message: message(error) });
  };
}

interface EmptyStateProps {
  title: string;
  description?: ReactNode;
  action?: ReactNode;
}

/** Nothing to show yet, said plainly, with the next thing to do. */
export function EmptyState({ title, description, action }: EmptyStateProps) {
  return (
    <MantineEmptyState
      title={title}
      description={description}
      withIndicatorBackground
      icon={<svg aria-hidden="true" width="28" height="28" viewBox="0 0 32 32"><path d="M2 28 12 10l6 10 4-6 8 14z" fill="currentColor" /></svg>}
      py="xl"
      data-testid="empty-state"
    >
      {action ? <MantineEmptyState.Actions>{action}</MantineEmptyState.Actions> : null}
    </MantineEmptyState>
  );
}

interface ListEmptyStateProps {
  /** Whether filters are set: then the list says nothing matches and suggests other filters. */
  filtered: boolean;
  filteredTitle: string;
  title: string;
  description?: ReactNode;
  action?: ReactNode;
}

/** An empty list: "nothing matches these filters", or, when nothing is filtered, what to do first. */
export function ListEmptyState({ filtered, filteredTitle, title, description, action }: ListEmptyStateProps) {
  const { t } = useTranslation();
  return filtered ? (
    <EmptyState title={filteredTitle} description={t('common.tryOtherFilters')} action={action} />
  ) : (
    <EmptyState title={title} description={description} action={action} />
  );
}

interface ErrorStateProps {
  error: unknown;
  title?: string;
  onRetry?: () => void;
}

/**
 * A failed load: the server's French (or English) message and a way to try again.
 * Something that does not exist (404: an unknown or impossible id in the address) is said to be
 * not found, with nothing to retry, rather than a load that failed.
 */
export function ErrorState({ error, title, onRetry }: ErrorStateProps) {
  const { t } = useTranslation();
  const message = useErrorMessage()(error);
  const notFound = error instanceof ApiError && error.status === 404;
  return (
    <Alert color="red" variant="light" title={title ?? (notFound ? t('errors.notFoundTitle') : t('errors.loadFailed'))} role="alert">
      <Stack gap="sm" align="flex-start">
        <span>{message}</span>
        {onRetry && !notFound ? (
          <Button variant="white" color="red" size="xs" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : null}
      </Stack>
    </Alert>
  );
}

/** A failed submission, in the server's words above the form; nothing while there is no error. */
export function FormError({ error, title }: { error: unknown; title?: string }) {
  const message = useErrorMessage();
  if (!error) return null;
  return (
    <Alert color="red" variant="light" role="alert" title={title}>
      {message(error)}
    </Alert>
  );
}

/** Placeholder lines while a page's data loads. */
export function PageSkeleton({ lines = 4 }: { lines?: number }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" aria-busy="true" aria-label={t('common.loading')} role="status">
      <Skeleton height={28} width="40%" />
      {Array.from({ length: lines }, (_, i) => (
        <Skeleton key={i} height={16} width={`${90 - i * 8}%`} />
      ))}
    </Stack>
  );
}

/** Placeholder rows for a table. */
export function TableSkeleton({ rows = 5 }: { rows?: number }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" aria-busy="true" aria-label={t('common.loading')} role="status">
      {Array.from({ length: rows }, (_, i) => (
        <Skeleton key={i} height={36} />
      ))}
    </Stack>
  );
}
