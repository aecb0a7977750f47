import { Group, Progress, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/DataTable';
import { RowLink } from '../../components/RowLink';
import { formatNumber } from '../../lib/format';
import { SessionStatusBadge } from './components';
import { formatDeadline, formatWhen, placeLabel } from './format';
import type { StaffSessionItem } from './types';

/** Fill rate as a bar and in words ("12 / 20, 60 %"): colour is never the only cue. */
export function FillRate({ item }: { item: Pick<StaffSessionItem, 'confirmedCount' | 'capacity' | 'fillRate'> }) {
  const { t } = useTranslation('trainings');
  const percent = Math.round(item.fillRate * 100);
  const label = t('staff.fillValue', {
    confirmed: formatNumber(item.confirmedCount),
    capacity: formatNumber(item.capacity),
    percent: formatNumber(percent),
  });
  return (
    <Group gap="xs" wrap="nowrap">
      <Progress
        value={Math.min(100, percent)}
        w={80}
        size="lg"
        color={percent >= 100 ? 'ochre.7' : 'cevennes'}
        // The figures beside it say the same thing to screen readers.
        aria-hidden="true"
      />
      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
        {label}
      </Text>
    </Group>
  );
}

/** The sessions table staff work from: when, where, fill rate, waiting list, status. */
export function StaffSessionsTable({ items, caption, dimmed = false, showTitle = true }: { items: StaffSessionItem[]; caption: string; dimmed?: boolean; showTitle?: boolean }) {
  const { t } = useTranslation('trainings');
  return (
    <DataTable
      minWidth={960}
      caption={caption}
      dimmed={dimmed}
      rows={items}
      rowKey={(s) => s.id}
      columns={[
        {
          label: showTitle ? t('staff.session') : t('staff.date'),
          miw: 200,
          card: 'title',
          cell: (s) => (
            <>
              <RowLink to={`/formations/gestion/sessions/${s.id}`}>{showTitle ? s.title : formatWhen(s.startsAt, s.endsAt)}</RowLink>
              {showTitle ? (
                <Text size="sm" c="dimmed">
                  {formatWhen(s.startsAt, s.endsAt)}
                </Text>
              ) : null}
            </>
          ),
        },
        { label: t('session.place'), cell: (s) => placeLabel(t, s.place) },
        { label: t('staff.fillRate'), miw: 175, cell: (s) => <FillRate item={s} /> },
        { label: t('staff.offered'), cell: (s) => formatNumber(s.offeredCount) },
        { label: t('staff.waiting'), cell: (s) => formatNumber(s.waitingCount) },
        { label: t('fields.signupDeadline'), cell: (s) => formatDeadline(t, s.signupDeadline) },
        { label: t('fields.status'), miw: 165, card: 'status', cell: (s) => <SessionStatusBadge status={s.status} /> },
      ]}
    />
  );
}
