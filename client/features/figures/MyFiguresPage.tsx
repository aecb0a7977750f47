import { Alert, Button, Fieldset, Group, NumberInput, SegmentedControl, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { useSaveHandler } from '../../components/useSaveHandler';
import { applyFieldErrors } from '../../lib/api';
import {
  addMonths, COMPARISON_SCOPES, currentMonth, daysInMonth, FOREIGN_COUNTRIES, isMonth, resolvedNights, type ComparisonScope,
} from '../../../common/figures';
import { useComparison, useMyFigures, useSaveMonth, type FiguresBody, type MyFigures } from './api';
import { ChartWithTable } from './ChartWithTable';
import { formatCount, formatPercent, monthLabel } from './format';

type Values = {
  capacity: number | string; nightsSold: number | string; occupancyRate: number | string; arrivals: number | string;
  foreignShare: number | string; visitors: number | string; averagePrice: number | string;
} & Record<`country_${string}`, number | string>;

const num = (v: number | string) => (v === '' || v === null || v === undefined ? null : Number(v));

/** « Mes chiffres »: give or correct a month, see one's figures over time and how they compare with anonymised peers. */
export default function MyFiguresPage() {
  const { t } = useTranslation('figures');
  const mine = useMyFigures();
  return (
    <>
      <PageHeader title={t('mine.title')} description={t('mine.description')} />
      <QueryState query={mine}>{(data) => <FiguresView data={data} />}</QueryState>
    </>
  );
}

function FiguresView({ data }: { data: MyFigures }) {
  const { t } = useTranslation('figures');
  const params = useParams();
  const navigate = useNavigate();
  const now = currentMonth();
  const months = useMemo(() => Array.from({ length: 24 }, (_, i) => addMonths(now, -i)), [now]);
  const month = params.month && isMonth(params.month) && months.includes(params.month) ? params.month : addMonths(now, -1);
  const accommodation = data.establishment.kind === 'accommodation';
  const byMonth = new Map(data.months.map((m) => [m.month, m]));
  const history = [...data.months].reverse();
  const [scope, setScope] = useState<ComparisonScope>('category');
  const comparison = useComparison(scope);
  const measureLabel = accommodation ? t('fields.occupancyRate') : t('fields.visitors');
  const fmt = accommodation ? formatPercent : formatCount;

  return (
    <Stack gap="lg">
      <MonthForm
        key={month}
        month={month}
        months={months}
        onMonth={(m) => navigate(`/chiffres/mois/${m}`)}
        data={data}
        existing={byMonth.get(month) ?? null}
      />
      {history.length ? (
        <ChartWithTable
          title={t('mine.history', { measure: measureLabel })}
          xLabel={t('fields.month')}
          csvName="mes-chiffres"
          format={fmt}
          unit={accommodation ? ' %' : undefined}
          series={[{ key: 'mine', label: data.establishment.name, color: 'cevennes.8' }]}
          rows={history.map((m) => ({ label: monthLabel(m.month, 'short'), values: { mine: accommodation ? m.occupancyRate : m.visitors } }))}
        />
      ) : null}
      <Stack gap="xs">
        <SegmentedControl
          aria-label={t('compare.scope')}
          value={scope}
          onChange={(v) => setScope(v as ComparisonScope)}
          data={COMPARISON_SCOPES.map((s) => ({ value: s, label: t(`compare.scopes.${s}`) }))}
          fullWidth
          styles={{ label: { whiteSpace: 'normal' } }}
        />
        <QueryState query={comparison}>
          {(c) => {
            const allSecret = c.points.every((p) => p.median === null);
            return (
              <Stack gap="sm">
                {allSecret ? (
                  <Alert color="gray" title={t('secret')}>{t('compare.secretNotice')}</Alert>
                ) : null}
                <ChartWithTable
                  title={t('compare.title', { measure: measureLabel })}
                  xLabel={t('fields.month')}
                  csvName={`comparaison-${scope}`}
                  format={fmt}
                  unit={accommodation ? ' %' : undefined}
                  series={[
                    { key: 'mine', label: t('compare.mine'), color: 'cevennes.8' },
                    { key: 'median', label: t('compare.median'), color: 'orange.9' },
                    { key: 'q1', label: t('compare.q1'), color: 'gray.7', dashed: true },
                    { key: 'q3', label: t('compare.q3'), color: 'gray.7', dashed: true },
                  ]}
                  rows={c.points.map((p) => ({ label: monthLabel(p.month, 'short'), values: { mine: p.mine, median: p.median, q1: p.q1, q3: p.q3 }, secret: p.secret }))}
                />
              </Stack>
            );
          }}
        </QueryState>
      </Stack>
    </Stack>
  );
}

function MonthForm({ month, months, onMonth, data, existing }: {
  month: string; months: string[]; onMonth: (m: string) => void; data: MyFigures; existing: MyFigures['months'][number] | null;
}) {
  const { t } = useTranslation('figures');
  const save = useSaveMonth();
  const accommodation = data.establishment.kind === 'accommodation';
  const unit = data.establishment.capacityUnit;
  const initial: Values = {
    capacity: existing?.capacity ?? '', nightsSold: existing?.nightsSold ?? '', occupancyRate: '', arrivals: existing?.arrivals ?? '',
    foreignShare: existing?.foreignShare ?? '', visitors: existing?.visitors ?? '', averagePrice: existing?.averagePriceCents != null ? existing.averagePriceCents / 100 : '',
    ...Object.fromEntries(FOREIGN_COUNTRIES.map((c) => [`country_${c}`, existing?.countries[c] ?? ''])),
  };
  const form = useForm<Values>({
    initialValues: initial,
    validate: (v) => {
      const errors: Record<string, string> = {};
      const cap = num(v.capacity);
      const nights = resolvedNights(month, { capacity: cap, nightsSold: num(v.nightsSold), occupancyRate: num(v.occupancyRate) });
      if (accommodation && cap === null) errors.capacity = t('errors.capacityRequired');
      if (accommodation && cap !== null && nights !== null && nights > cap * daysInMonth(month)) errors.nightsSold = t('errors.nightsOverCapacity', { max: cap * daysInMonth(month) });
      if (!accommodation && num(v.visitors) === null) errors.visitors = t('errors.visitorsRequired');
      return errors;
    },
  });
  const toBody = (v: Values): FiguresBody => {
    const price = num(v.averagePrice);
    const averagePriceCents = price === null ? null : Math.round(price * 100);
    if (!accommodation) return { visitors: num(v.visitors), averagePriceCents };
    return {
      capacity: num(v.capacity), arrivals: num(v.arrivals), foreignShare: num(v.foreignShare), averagePriceCents,
      ...(num(v.occupancyRate) !== null && num(v.nightsSold) === null ? { occupancyRate: num(v.occupancyRate) } : { nightsSold: num(v.nightsSold) }),
      countries: Object.fromEntries(FOREIGN_COUNTRIES.flatMap((c) => (num(v[`country_${c}`]!) !== null ? [[c, num(v[`country_${c}`]!)!]] : []))),
    };
  };
  const submit = useSaveHandler(
    (body: FiguresBody) => save.mutateAsync({ month, body }),
    () => {
      form.resetDirty();
      notifications.show({ color: 'cevennes', message: t('mine.saved', { month: monthLabel(month) }) });
    },
  );
  // The server's field errors land on the form's fields (countries: on the first country).
  const onSubmit = form.onSubmit((v) => submit(toBody(v)).catch((error) => void applyFieldErrors(form, error, (f) => (f === 'countries' ? `country_${FOREIGN_COUNTRIES[0]}` : f))));
  const numberProps = (field: keyof Values, extra: Record<string, unknown> = {}) => ({ ...form.getInputProps(field), min: 0, allowNegative: false, thousandSeparator: ' ', ...extra });
  return (
    <form noValidate onSubmit={onSubmit} aria-labelledby="figures-form-title">
      <Fieldset legend={<Text fw={700} id="figures-form-title">{t('mine.formTitle')}</Text>}>
        <Stack gap="md">
          <Select
            label={t('fields.month')}
            value={month}
            onChange={(m) => m && onMonth(m)}
            data={months.map((m) => ({ value: m, label: monthLabel(m) }))}
            allowDeselect={false}
            description={existing ? t('mine.correcting') : t('mine.new')}
          />
          {accommodation ? (
            <>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <NumberInput label={t(`fields.capacity.${unit}`)} required {...numberProps('capacity', { allowDecimal: false })} />
                <NumberInput label={t(`fields.nightsSold.${unit}`)} description={t('fields.nightsHelp')} {...numberProps('nightsSold', { allowDecimal: false })} />
                <NumberInput label={t('fields.occupancyRateInput')} description={t('fields.rateHelp')} suffix=" %" max={100} {...numberProps('occupancyRate')} />
                <NumberInput label={t('fields.arrivals')} {...numberProps('arrivals', { allowDecimal: false })} />
                <NumberInput label={t('fields.foreignShare')} suffix=" %" max={100} {...numberProps('foreignShare')} />
                <NumberInput label={t('fields.averagePrice')} suffix=" €" decimalScale={2} {...numberProps('averagePrice')} />
              </SimpleGrid>
              <Fieldset legend={t('fields.countries')} variant="unstyled">
                <SimpleGrid cols={{ base: 2, sm: 4 }}>
                  {FOREIGN_COUNTRIES.map((c) => (
                    <NumberInput key={c} label={t(`countries.${c}`)} suffix=" %" max={100} {...numberProps(`country_${c}`)} />
                  ))}
                </SimpleGrid>
              </Fieldset>
            </>
          ) : (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <NumberInput label={t('fields.visitors')} required {...numberProps('visitors', { allowDecimal: false })} />
              <NumberInput label={t('fields.averagePrice')} suffix=" €" decimalScale={2} {...numberProps('averagePrice')} />
            </SimpleGrid>
          )}
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending}>{t('mine.save')}</Button>
          </Group>
        </Stack>
      </Fieldset>
    </form>
  );
}
