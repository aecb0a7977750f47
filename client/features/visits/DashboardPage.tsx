import { Alert, Group, SegmentedControl, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { VISIT_LIMITS } from '../../../common/limits';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState, PageSkeleton } from '../../components/States';
import { formatNumber } from '../../lib/format';
import { useDashboard, type Dashboard } from './api';
import { FigureSection, type FigureRow } from './FigureSection';
import { useVisitLabels } from './labels';

type Measure = 'contacts' | 'visitors';
const BREAKDOWN_ROWS = 12;

/** Staff dashboard: contacts and visitors by month and office, year on year, and by origin, mode, theme and language (read from the rollup). */
export default function DashboardPage() {
  const { t, i18n } = useTranslation('visits');
  const labels = useVisitLabels();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const [officeId, setOfficeId] = useState<string | null>(null);
  const [measure, setMeasure] = useState<Measure>('contacts');
  const dash = useDashboard(year, officeId);
  const years = Array.from({ length: 8 }, (_, i) => String(thisYear - i)).filter((y) => Number(y) >= VISIT_LIMITS.yearMin);
  const d = dash.data;
  const measureLabel = t(`dashboard.${measure}`);

  return (
    <>
      <PageHeader title={t('dashboard.title')} description={t('dashboard.description')} />
      <Stack gap="lg">
        <Group align="end" wrap="wrap">
          <Select label={t('dashboard.year')} data={years} value={String(year)} onChange={(v) => v && setYear(Number(v))} allowDeselect={false} w={120} />
          <Select
            label={t('fields.office')}
            data={[{ value: '', label: t('dashboard.allOffices') }, ...(d?.offices ?? []).map((o) => ({ value: o.id, label: o.name }))]}
            value={officeId ?? ''}
            onChange={(v) => setOfficeId(v || null)}
            allowDeselect={false}
            w={{ base: '100%', xs: 280 }}
          />
          <SegmentedControl
            aria-label={t('dashboard.measure')}
            value={measure}
            onChange={(v) => setMeasure(v as Measure)}
            data={[{ value: 'contacts', label: t('dashboard.contacts') }, { value: 'visitors', label: t('dashboard.visitors') }]}
          />
        </Group>
        {dash.isPending ? <PageSkeleton /> : dash.isError ? <ErrorState error={dash.error} onRetry={() => void dash.refetch()} /> : d ? (
          <>
            {d.pending ? <Alert color="cevennes" variant="light">{t('dashboard.pending')}</Alert> : null}
            <Totals d={d} measure={measure} />
            <FigureSection id="by-month" title={t('dashboard.byMonth', { measure: measureLabel })} rows={byMonth(d, measure, i18n.language)} year={year} measure={measureLabel} fileName={`frequentation-mois-${year}.csv`} />
            {officeId ? null : (
              <FigureSection id="by-office" horizontal title={t('dashboard.byOffice', { measure: measureLabel })} rows={byOffice(d, measure)} year={year} measure={measureLabel} fileName={`frequentation-bureaux-${year}.csv`} />
            )}
            <SimpleGrid cols={{ base: 1, lg: 2 }}>
              {(['origin', 'mode', 'theme', 'language'] as const).map((dim) => (
                <FigureSection
                  key={dim}
                  id={`by-${dim}`}
                  horizontal
                  title={t(`dashboard.by.${dim}`, { measure: measureLabel })}
                  rows={breakdown(d, dim, measure, (v) => dim === 'origin' ? labels.origin(v) : dim === 'language' ? labels.language(v) : dim === 'mode' ? t(`modes.${v as 'comptoir'}`) : themeName(d, v, labels.theme))}
                  year={year}
                  measure={measureLabel}
                  fileName={`frequentation-${dim}-${year}.csv`}
                />
              ))}
            </SimpleGrid>
          </>
        ) : null}
      </Stack>
    </>
  );
}

function Totals({ d, measure }: { d: Dashboard; measure: Measure }) {
  const { t } = useTranslation('visits');
  const sum = (year: number) => d.months.filter((m) => m.month.startsWith(String(year))).reduce((s, m) => s + m[measure], 0);
  return (
    <Text size="lg" fw={600} role="status">
      {t('dashboard.total', { measure: t(`dashboard.${measure}`), year: d.year, value: formatNumber(sum(d.year)), previous: formatNumber(sum(d.year - 1)) })}
    </Text>
  );
}

function byMonth(d: Dashboard, measure: Measure, language: string): FigureRow[] {
  const name = new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'fr-FR', { month: 'short', timeZone: 'UTC' });
  return Array.from({ length: 12 }, (_, i) => {
    const mm = String(i + 1).padStart(2, '0');
    const total = (year: number) => d.months.filter((m) => m.month === `${year}-${mm}`).reduce((s, m) => s + m[measure], 0);
    return { key: mm, label: name.format(new Date(Date.UTC(2000, i, 1))), current: total(d.year), previous: total(d.year - 1) };
  });
}

function byOffice(d: Dashboard, measure: Measure): FigureRow[] {
  return d.offices
    .map((o) => {
      const total = (year: number) => d.months.filter((m) => m.officeId === o.id && m.month.startsWith(String(year))).reduce((s, m) => s + m[measure], 0);
      return { key: o.id, label: o.name, current: total(d.year), previous: total(d.year - 1) };
    })
    .filter((r) => r.current || r.previous);
}

function breakdown(d: Dashboard, dimension: string, measure: Measure, label: (value: string) => string): FigureRow[] {
  const prev = measure === 'contacts' ? 'previousContacts' : 'previousVisitors';
  return d.breakdown
    .filter((b) => b.dimension === dimension)
    .sort((a, b) => b[measure] - a[measure] || b[prev] - a[prev])
    .slice(0, BREAKDOWN_ROWS)
    .map((b) => ({ key: b.value, label: label(b.value), current: b[measure], previous: b[prev] }));
}

function themeName(d: Dashboard, id: string, name: (t: Dashboard['themes'][number]) => string): string {
  const theme = d.themes.find((th) => String(th.id) === id);
  return theme ? name(theme) : id;
}
