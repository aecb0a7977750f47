import { Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ScrollTable } from './ScrollTable';
import { useReferenceLabels } from '../accounts/reference';
import type { EditionData } from './api';
import { formatCount, formatPercent } from './format';

/** Quartiles are of the compared measure: occupancy rate for accommodation, visitors for the others. */
const quartile = (kind: string, v: number) => (kind === 'accommodation' ? formatPercent(v) : formatCount(v));

/** The Observatoire's tables: « secret statistique » where a cell is suppressed. */
export function EditionTables({ data }: { data: EditionData }) {
  const { t } = useTranslation('figures');
  const ref = useReferenceLabels();
  const show = (v: number | null) => (v === null ? <Text span size="sm" fs="italic">{t('secret')}</Text> : formatCount(v));
  return (
    <Stack gap="md">
      {data.tables.map((table) => (
        <Paper key={table.kind} withBorder p={{ base: 'sm', sm: 'md' }} radius="md">
          <Stack gap="xs">
            <Title order={2} fz="h3">{`${t(`kinds.${table.kind}`)} — ${t(`observatoire.measure.${table.measure}`)}`}</Title>
            <ScrollTable label={`${t(`kinds.${table.kind}`)} — ${t(`observatoire.measure.${table.measure}`)}`} minWidth={420}>
              <Table striped withTableBorder>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('fields.category')}</Table.Th>
                    {table.communautes.map((c) => <Table.Th key={c.id} scope="col" ta="right">{c.name}</Table.Th>)}
                    <Table.Th scope="col" ta="right">{t('observatoire.total')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {table.categories.map((cat, r) => (
                    <Table.Tr key={cat}>
                      <Table.Th scope="row">{ref.category(cat)}</Table.Th>
                      {table.cells[r]!.map((v, c) => <Table.Td key={table.communautes[c]!.id} ta="right">{show(v)}</Table.Td>)}
                      <Table.Td ta="right">{show(table.rowTotals[r]!)}</Table.Td>
                    </Table.Tr>
                  ))}
                  <Table.Tr>
                    <Table.Th scope="row">{t('observatoire.total')}</Table.Th>
                    {table.colTotals.map((v, c) => <Table.Td key={table.communautes[c]!.id} ta="right">{show(v)}</Table.Td>)}
                    <Table.Td ta="right">{show(table.grandTotal)}</Table.Td>
                  </Table.Tr>
                </Table.Tbody>
              </Table>
            </ScrollTable>
            <Text size="sm">
              {table.quartiles
                ? t('observatoire.quartiles', { median: quartile(table.kind, table.quartiles.median), q1: quartile(table.kind, table.quartiles.q1), q3: quartile(table.kind, table.quartiles.q3) })
                : t('observatoire.quartilesSecret')}
            </Text>
          </Stack>
        </Paper>
      ))}
      <Text size="sm" c="dimmed">{t('secretNote')}</Text>
    </Stack>
  );
}
