import { Anchor, Group, Progress, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '../../components/DataTable';
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
      columns={[
        { label: showTitle ? t('staff.session') : t('staff.date'), miw: 200 },
        t('session.place'),
        { label: t('staff.fillRate'), miw: 175 },
        t('staff.offered'),
        t('staff.waiting'),
        t('fields.signupDeadline'),
        { label: t('fields.status'), miw: 165 },
      ]}
    >
      {items.map((s) => (
        <Table.Tr key={s.id}>
          <Table.Th scope="row" fw={400}>
            <Anchor component={Link} to={`/formations/gestion/sessions/${s.id}`} fw={600}>
              {showTitle ? s.title : formatWhen(s.startsAt, s.endsAt)}
            </Anchor>
            {showTitle ? (
              <Text size="sm" c="dimmed">
                {formatWhen(s.startsAt, s.endsAt)}
              </Text>
            ) : null}
          </Table.Th>
          <Table.Td>{placeLabel(t, s.place)}</Table.Td>
          <Table.Td>
            <FillRate item={s} />
          </Table.Td>
          <Table.Td>{formatNumber(s.offeredCount)}</Table.Td>
          <Table.Td>{formatNumber(s.waitingCount)}</Table.Td>
          <Table.Td>{formatDeadline(t, s.signupDeadline)}</Table.Td>
          <Table.Td>
            <SessionStatusBadge status={s.status} />
          </Table.Td>
        </Table.Tr>
      ))}
    </DataTable>
  );
}
