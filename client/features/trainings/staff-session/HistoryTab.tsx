import { Text, Timeline } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorState, PageSkeleton } from '../../../components/States';
import { formatDateTime } from '../../../lib/format';
import { useHistory } from '../api';
import type { HistoryEvent } from '../types';

function eventDetails(t: TFunction<'trainings'>, e: HistoryEvent): string | null {
  const d = e.details;
  const parts: string[] = [];
  if (typeof d.position === 'number') parts.push(t('history.position', { position: d.position }));
  if (typeof d.expiresAt === 'string') parts.push(t('history.expiresAt', { date: formatDateTime(d.expiresAt) }));
  if (typeof d.from === 'string' && typeof d.to === 'string')
    parts.push(t('history.fromTo', { from: t(`registration.status.${d.from}` as 'registration.status.waiting'), to: t(`registration.status.${d.to}` as 'registration.status.waiting') }));
  if (typeof d.reason === 'string' && d.reason) parts.push(d.reason);
  return parts.length > 0 ? parts.join(' · ') : null;
}

/** Every move of the waiting list, oldest first: who, what, when, and who did it (or "automatique"). */
export function HistoryTab({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation('trainings');
  const history = useHistory(sessionId);
  if (history.isPending) return <PageSkeleton lines={5} />;
  if (history.isError) return <ErrorState error={history.error} onRetry={() => void history.refetch()} />;
  const items = history.data.items;
  if (items.length === 0) return <EmptyState title={t('history.empty')} />;
  return (
    <Timeline bulletSize={14} lineWidth={2} active={items.length} aria-label={t('history.title')} component="ol" p={0} m={0} style={{ listStyle: 'none' }}>
      {items.map((e) => {
        const details = eventDetails(t, e);
        return (
          <Timeline.Item
            key={e.id}
            component="li"
            title={<Text fw={600} size="sm">{t(`history.kinds.${e.kind}`, { name: e.user.name })}</Text>}
          >
            <Text size="xs" c="dimmed">
              <time dateTime={e.createdAt}>{formatDateTime(e.createdAt)}</time>
              {' · '}
              {e.actor
                ? t('history.by', { name: e.actor.name })
                : e.kind === 'accepted' || e.kind === 'declined'
                  ? t('history.byEmailLink')
                  : t('history.automatic')}
            </Text>
            {details ? <Text size="sm">{details}</Text> : null}
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
