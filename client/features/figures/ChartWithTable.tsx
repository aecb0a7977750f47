import '@mantine/charts/styles.css';
import { LineChart } from '@mantine/charts';
import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FiguresTable } from '../../components/FiguresTable';
import { ScrollTable } from './ScrollTable';
import { saveCsv } from './format';

export interface Series {
  key: string;
  label: string;
  color: string;
  dashed?: boolean;
}

interface Props {
  title: string;
  /** Rows: the x label and one value per series (null: no data, or « secret statistique » when `secret` says so). */
  rows: { label: string; values: Record<string, number | null>; secret?: boolean }[];
  series: Series[];
  /** Formats a value in the table. */
  format: (v: number | null) => string;
  unit?: string;
  csvName: string;
  /** The x column's header. */
  xLabel: string;
  headingLevel?: 2 | 3;
}

/**
 * A chart and the same data as a table (a screen reader or a keyboard user
 * reads the table; the chart is an image with the table as its description),
 * with a CSV export of that table.
 */
export function ChartWithTable({ title, rows, series, format, unit, csvName, xLabel, headingLevel = 2 }: Props) {
  const { t } = useTranslation('figures');
  const data = rows.map((r) => ({ x: r.label, ...Object.fromEntries(series.map((s) => [s.key, r.values[s.key] ?? null])) }));
  const id = csvName.replace(/[^a-z0-9]+/gi, '-');
  const cell = (r: Props['rows'][number], s: Series) => (r.secret && r.values[s.key] == null && s.key !== 'mine' ? t('secret') : format(r.values[s.key] ?? null) || '–');
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} radius="md">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Title order={headingLevel} fz="h3" id={`${id}-title`}>{title}</Title>
          <Button variant="default" size="xs" onClick={() => saveCsv(`${csvName}.csv`, [[xLabel, ...series.map((s) => s.label)], ...rows.map((r) => [r.label, ...series.map((s) => (r.values[s.key] == null ? (r.secret && s.key !== 'mine' ? t('secret') : '') : r.values[s.key]))])])}>
            {t('csv')}
          </Button>
        </Group>
        <div role="img" aria-labelledby={`${id}-title`} aria-describedby={`${id}-table`}>
          <LineChart
            h={220}
            data={data}
            dataKey="x"
            unit={unit}
            withLegend
            connectNulls={false}
            series={series.map((s) => ({ name: s.key, label: s.label, color: s.color, strokeDasharray: s.dashed ? '5 5' : undefined }))}
            curveType="linear"
          />
        </div>
        <ScrollTable label={t('tableOf', { title })} minWidth={320}>
          <FiguresTable id={`${id}-table`} withTableBorder caption={t('tableOf', { title })} rowHeader={xLabel} columns={series}
            rows={rows.map((r) => ({ key: r.label, label: r.label, values: series.map((s) => cell(r, s)) }))} />
        </ScrollTable>
        {rows.some((r) => r.secret) ? <Text size="sm" c="dimmed">{t('secretNote')}</Text> : null}
      </Stack>
    </Paper>
  );
}
