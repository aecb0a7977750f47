import { Badge, Button, Group, Paper, SegmentedControl, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ScrollTable } from './ScrollTable';
import { DataTable } from '../../components/DataTable';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { formatDate } from '../../lib/format';
import { useReferenceLabels } from '../accounts/reference';
import { addMonths, ALL, currentMonth, FIGURES_KINDS, SUBMISSION_STATUSES, type FiguresKind, type SubmissionStatus } from '../../../common/figures';
import { useAggregates, useSubmissions, type Aggregates } from './api';
import { ChartWithTable } from './ChartWithTable';
import { formatCount, formatPercent, monthLabel, saveCsv } from './format';

/**
 * Staff and admins: partners' aggregates (unsuppressed, each row marked with
 * whether partners may see it) and who has given the month's figures.
 */
export default function StaffFiguresPage() {
  const { t } = useTranslation('figures');
  const [kind, setKind] = useState<FiguresKind>('accommodation');
  const aggregates = useAggregates(kind);
  return (
    <>
      <PageHeader title={t('staff.title')} description={t('staff.description')} />
      <Stack gap="lg">
        <SegmentedControl aria-label={t('staff.kind')} value={kind} onChange={(v) => setKind(v as FiguresKind)} data={FIGURES_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))} />
        <QueryState query={aggregates}>{(data) => <AggregatesView data={data} />}</QueryState>
        <SubmissionsView />
      </Stack>
    </>
  );
}

function AggregatesView({ data }: { data: Aggregates }) {
  const { t } = useTranslation('figures');
  const ref = useReferenceLabels();
  const accommodation = data.kind === 'accommodation';
  const measure = accommodation ? t('fields.occupancyRate') : t('fields.visitors');
  const totals = data.rows.filter((r) => r.category === ALL && r.communauteId === ALL);
  const months = [...new Set(data.rows.map((r) => r.month))].sort().reverse();
  const [month, setMonth] = useState<string | null>(months[0] ?? null);
  if (!totals.length) return <Text c="dimmed">{t('staff.empty')}</Text>;
  const shown = data.rows.filter((r) => r.month === (month ?? months[0]));
  const category = (id: string) => (id === ALL ? t('all') : ref.category(id));
  // The communauté's name as the server gives it (fr, as in the Observatoire's tables).
  const communaute = (r: Aggregates['rows'][number]) => (r.communauteId === ALL ? t('all') : (r.communauteName ?? r.communauteId));
  const value = (r: Aggregates['rows'][number]) => (accommodation ? r.occupancyRate : r.visitors);
  const fmt = accommodation ? formatPercent : formatCount;
  const header = [t('fields.category'), t('fields.communaute'), t('fields.contributors'), accommodation ? t('fields.nights') : t('fields.visitors'), measure, t('fields.median'), t('staff.partners')];
  return (
    <Stack gap="md">
      <ChartWithTable
        title={t('staff.trend', { measure })}
        xLabel={t('fields.month')}
        csvName={`territoire-${data.kind}`}
        format={fmt}
        unit={accommodation ? ' %' : undefined}
        series={[{ key: 'value', label: measure, color: 'cevennes.8' }, { key: 'median', label: t('fields.median'), color: 'orange.9', dashed: true }]}
        rows={totals.map((r) => ({ label: monthLabel(r.month, 'short'), values: { value: value(r), median: r.median } }))}
      />
      <Paper withBorder p={{ base: 'sm', sm: 'md' }} radius="md">
        <Stack gap="sm">
          <Group justify="space-between" align="flex-end">
            <Title order={2} fz="h3">{t('staff.tableTitle', { month: monthLabel(month ?? months[0]!) })}</Title>
            <Group gap="xs" align="flex-end">
              <Select label={t('staff.tableMonth')} value={month} onChange={setMonth} data={months.map((m) => ({ value: m, label: monthLabel(m) }))} allowDeselect={false} w={180} />
              <Button variant="default" onClick={() => saveCsv(`chiffres-${data.kind}-${month}.csv`, [header, ...shown.map((r) => [category(r.category), communaute(r), r.contributors, accommodation ? r.nightsSold : r.visitors, value(r), r.median, r.shownToPartners ? t('staff.yes') : t('staff.no')])])}>
                {t('csv')}
              </Button>
            </Group>
          </Group>
          <ScrollTable label={t('staff.tableTitle', { month: monthLabel(month ?? months[0]!) })} minWidth={640}>
            <Table striped withTableBorder>
              <Table.Thead>
                <Table.Tr>{header.map((h) => <Table.Th key={h} scope="col">{h}</Table.Th>)}</Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.map((r) => (
                  <Table.Tr key={`${r.category}|${r.communauteId}`}>
                    <Table.Th scope="row" fw={r.category === ALL ? 700 : 500}>{category(r.category)}</Table.Th>
                    <Table.Td>{communaute(r)}</Table.Td>
                    <Table.Td ta="right">{r.contributors}</Table.Td>
                    <Table.Td ta="right">{formatCount(accommodation ? r.nightsSold : r.visitors)}</Table.Td>
                    <Table.Td ta="right">{fmt(value(r))}</Table.Td>
                    <Table.Td ta="right">{fmt(r.median)}</Table.Td>
                    <Table.Td>{r.shownToPartners ? t('staff.yes') : <Badge color="gray.8" variant="filled">{t('staff.no')}</Badge>}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        </Stack>
      </Paper>
    </Stack>
  );
}

function SubmissionsView() {
  const { t } = useTranslation('figures');
  const ref = useReferenceLabels();
  const months = Array.from({ length: 24 }, (_, i) => addMonths(currentMonth(), -i));
  const [month, setMonth] = useState(addMonths(currentMonth(), -1));
  const [status, setStatus] = useState<SubmissionStatus>('all');
  const list = useSubmissions({ month, status });
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} radius="md">
      <Stack gap="sm">
        <Title order={2} fz="h3">{t('staff.submissions')}</Title>
        <Group align="flex-end" gap="sm">
          <Select label={t('fields.month')} value={month} onChange={(m) => m && setMonth(m)} data={months.map((m) => ({ value: m, label: monthLabel(m) }))} allowDeselect={false} w={180} />
          <Select label={t('staff.status')} value={status} onChange={(s) => s && setStatus(s as SubmissionStatus)} data={SUBMISSION_STATUSES.map((s) => ({ value: s, label: t(`staff.statuses.${s}`) }))} allowDeselect={false} w={180} />
          <Button
            variant="default"
            disabled={!list.data?.items.length}
            onClick={() => list.data && saveCsv(`chiffres-remis-${month}.csv`, [
              [t('staff.establishment'), t('fields.category'), t('staff.commune'), t('staff.submittedAt'), t('staff.remindedAt')],
              ...list.data.items.map((i) => [i.name, ref.category(i.category), i.communeName, i.submittedAt ? formatDate(i.submittedAt) : '', i.remindedAt ? formatDate(i.remindedAt) : '']),
            ])}
          >
            {t('csv')}
          </Button>
        </Group>
        <QueryState query={list} isEmpty={(d) => !d.items.length} empty={<Text c="dimmed">{t('staff.none')}</Text>}>
          {(d) => (
            <DataTable
              minWidth={560}
              dense
              caption={t('staff.submissionsCount', { submitted: d.submitted, total: d.total, month: monthLabel(d.month) })}
              rows={d.items}
              rowKey={(i) => i.id}
              columns={[
                { label: t('staff.establishment'), card: 'title', cell: (i) => <Text fw={600}>{i.name}</Text> },
                { label: t('fields.category'), cell: (i) => ref.category(i.category) },
                { label: t('staff.commune'), cell: (i) => i.communeName },
                { label: t('staff.submittedAt'), card: 'status', cell: (i) => (i.submittedAt ? formatDate(i.submittedAt) : <Text span fw={600} c="red.9">{t('staff.statuses.missing')}</Text>) },
                { label: t('staff.remindedAt'), cell: (i) => (i.remindedAt ? formatDate(i.remindedAt) : '–') },
              ]}
            />
          )}
        </QueryState>
      </Stack>
    </Paper>
  );
}
