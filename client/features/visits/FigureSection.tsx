import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Button, Card, Group, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FiguresTable } from '../../components/FiguresTable';
import { saveCsv } from '../../lib/download';
import { formatNumber } from '../../lib/format';

export interface FigureRow {
  key: string;
  label: string;
  current: number;
  previous: number;
}

const change = (current: number, previous: number) => (previous ? formatNumber((current - previous) / previous, { style: 'percent', signDisplay: 'exceptZero', maximumFractionDigits: 0 }) : '—');

/**
 * One figure of the dashboard: a bar chart (this year against the year
 * before), the same numbers in a table for screen readers and for reading
 * exact values, and their CSV export (common/csv.ts guards formulas).
 */
export function FigureSection({ id, title, rows, year, measure, fileName, horizontal = false }: {
  id: string; title: string; rows: FigureRow[]; year: number; measure: string; fileName: string; horizontal?: boolean;
}) {
  const { t } = useTranslation('visits');
  const current = String(year);
  const previous = String(year - 1);
  const data = rows.map((r) => ({ label: r.label, [current]: r.current, [previous]: r.previous }));
  return (
    <Card withBorder component="section" aria-labelledby={id} padding="md">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h4" id={id}>{title}</Title>
          <Button size="xs" variant="outline" disabled={!rows.length}
            onClick={() => saveCsv(fileName, [[t('dashboard.label'), `${measure} ${current}`, `${measure} ${previous}`], ...rows.map((r) => [r.label, r.current, r.previous])])}>
            {t('dashboard.exportCsv')}
          </Button>
        </Group>
        {rows.length ? (
          <>
            {/* The chart is a picture of the table below, which screen readers read instead. */}
            <div aria-hidden="true">
              <BarChart
                h={horizontal ? Math.max(160, rows.length * 34) : 260}
                data={data}
                dataKey="label"
                orientation={horizontal ? 'vertical' : 'horizontal'}
                yAxisProps={horizontal ? { width: 130 } : undefined}
                series={[{ name: current, color: 'cevennes.7' }, { name: previous, color: 'gray.5' }]}
                withLegend
                // Recharts' keyboard layer would put a focusable element inside this hidden picture (axe: aria-hidden-focus).
                barChartProps={{ accessibilityLayer: false }}
                valueFormatter={(v) => formatNumber(v)}
              />
            </div>
            {/* Four short columns fit a 360 px phone with narrow cell padding: a real table there too (the shared DataTable turns rows into cards, a page per chart). */}
            <FiguresTable verticalSpacing={4} horizontalSpacing={6} fz="sm" rowHeaderFw={400} caption={t('dashboard.tableCaption', { title })} rowHeader={t('dashboard.label')}
              columns={[{ key: 'current', label: current }, { key: 'previous', label: previous }, { key: 'change', label: t('dashboard.change') }]}
              rows={rows.map((r) => ({ key: r.key, label: r.label, values: [formatNumber(r.current), formatNumber(r.previous), change(r.current, r.previous)] }))} />
          </>
        ) : (
          <div>{t('dashboard.noData')}</div>
        )}
      </Stack>
    </Card>
  );
}
