import { Alert, Button, Card, Group, List, NumberInput, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { csvDocument } from '../../../common/csv';
import { VISIT_LIMITS } from '../../../common/limits';
import { VISIT_MODES, type VisitDimension } from '../../../common/visits';
import { PageHeader } from '../../components/PageHeader';
import { useErrorMessage } from '../../components/States';
import { useSaveHandler } from '../../components/useSaveHandler';
import { useUser } from '../accounts/signed-in';
import { ApiError } from '../../lib/api';
import { saveBlob } from '../../lib/download';
import { importCsv, saveTotals, useInvalidateVisits, useSetup, useTotals } from './api';
import { useVisitLabels } from './labels';
import { ThemesEditor } from './ThemesEditor';

interface Line { dimension: VisitDimension; value: string; contacts: number; visitors: number }

const lastMonth = () => {
  const d = new Date();
  d.setMonth(d.getMonth() - 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
};

/** Staff: a month's totals per office (a paper tally sheet), the import of past years from CSV, and (admins) the request themes (ThemesEditor.tsx). */
export default function BulkPage() {
  const { t } = useTranslation('visits');
  const me = useUser();
  return (
    <>
      <PageHeader title={t('bulk.title')} description={t('bulk.description')} />
      <Stack gap="xl" maw={900}>
        <MonthTotals />
        <CsvImport />
        {me.role === 'admin' ? <ThemesEditor /> : null}
      </Stack>
    </>
  );
}

function MonthTotals() {
  const { t } = useTranslation('visits');
  const labels = useVisitLabels();
  const [officeId, setOfficeId] = useState<string | null>(null);
  const [month, setMonth] = useState(lastMonth());
  const setup = useSetup(officeId);
  const office = officeId ?? setup.data?.officeId ?? setup.data?.offices[0]?.id ?? null;
  const totals = useTotals(office, month);
  const invalidate = useInvalidateVisits();
  const themes = setup.data?.themes ?? [];
  const blank = (): Line[] => [
    { dimension: 'total', value: '', contacts: 0, visitors: 0 },
    ...VISIT_MODES.map((m) => ({ dimension: 'mode' as const, value: m, contacts: 0, visitors: 0 })),
    ...themes.map((th) => ({ dimension: 'theme' as const, value: String(th.id), contacts: 0, visitors: 0 })),
  ];
  const form = useForm<{ lines: Line[] }>({ initialValues: { lines: [] } });
  useEffect(() => {
    if (!totals.data) return;
    const saved = totals.data.lines;
    form.setValues({ lines: blank().map((l) => saved.find((s) => s.dimension === l.dimension && s.value === l.value) ?? l) });
    form.resetDirty();
  }, [totals.data, themes.length]); // eslint-disable-line react-hooks/exhaustive-deps

  // Empty lines are not sent; `sent` maps the server's `lines.<n>` back to the form's rows.
  let sent: number[] = [];
  const submit = useSaveHandler(
    (lines: Line[]) => {
      sent = lines.flatMap((l, i) => (l.dimension === 'total' || l.contacts || l.visitors ? [i] : []));
      return saveTotals({ officeId: office!, month, lines: sent.map((i) => lines[i]!) });
    },
    () => {
      invalidate();
      notifications.show({ color: 'cevennes', message: t('bulk.saved') });
    },
  );
  const name = (l: Line) => (l.dimension === 'total' ? t('bulk.total') : l.dimension === 'mode' ? t(`modes.${l.value as 'comptoir'}`) : labels.theme(themes.find((th) => String(th.id) === l.value) ?? { labelFr: l.value, labelEn: l.value }));

  return (
    <Card withBorder component="section" aria-labelledby="month-totals" padding="md">
      <form onSubmit={form.onSubmit((v) => submit(v.lines).catch((e) => {
        if (e instanceof ApiError) form.setErrors(Object.fromEntries(Object.entries(e.fields).map(([k, m]) => [`lines.${sent[Number(k.split('.')[1])] ?? 0}.contacts`, m])));
      }))}>
        <Stack gap="md">
          <Title order={2} size="h4" id="month-totals">{t('bulk.monthTitle')}</Title>
          <Text size="sm">{t('bulk.monthHint')}</Text>
          <Group align="end" wrap="wrap">
            <Select label={t('fields.office')} data={(setup.data?.offices ?? []).map((o) => ({ value: o.id, label: o.name }))} value={office} onChange={setOfficeId} allowDeselect={false} w={{ base: '100%', xs: 280 }} />
            <TextInput label={t('fields.month')} type="month" value={month} onChange={(e) => e.currentTarget.value && setMonth(e.currentTarget.value)} w={{ base: '100%', xs: 200 }} />
          </Group>
          <Table.ScrollContainer minWidth={300}>
            <Table verticalSpacing={4}>
              <Table.Thead>
                <Table.Tr><Table.Th>{t('bulk.line')}</Table.Th><Table.Th>{t('dashboard.contacts')}</Table.Th><Table.Th>{t('dashboard.visitors')}</Table.Th></Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {form.values.lines.map((l, i) => (
                  <Table.Tr key={`${l.dimension}-${l.value}`}>
                    <Table.Th scope="row" fw={l.dimension === 'total' ? 700 : 400}>{name(l)}</Table.Th>
                    <Table.Td><NumberInput aria-label={`${name(l)} : ${t('dashboard.contacts')}`} min={0} max={VISIT_LIMITS.monthTotalMax} w={88} hideControls {...form.getInputProps(`lines.${i}.contacts`)} /></Table.Td>
                    <Table.Td><NumberInput aria-label={`${name(l)} : ${t('dashboard.visitors')}`} min={0} max={VISIT_LIMITS.monthTotalMax} w={88} hideControls {...form.getInputProps(`lines.${i}.visitors`)} /></Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Group><Button type="submit" disabled={!office}>{t('bulk.saveMonth')}</Button></Group>
        </Stack>
      </form>
    </Card>
  );
}

const TEMPLATE = [
  ['bureau', 'mois', 'ventilation', 'valeur', 'contacts', 'visiteurs'],
  ['bit-le-vigan', '2019-07', 'total', '', 2168, 4100],
  ['bit-le-vigan', '2019-07', 'mode', 'comptoir', 1900, 3800],
  ['bit-le-vigan', '2019-07', 'origine', 'FR-30', 640, 1200],
  ['bit-le-vigan', '2019-07', 'theme', 'Randonnée', 300, 700],
  ['bit-le-vigan', '2019-07', 'langue', 'nl', 120, 260],
];

function CsvImport() {
  const { t } = useTranslation('visits');
  const errorMessage = useErrorMessage();
  const invalidate = useInvalidateVisits();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: true; imported: number; officeMonths: number } | { ok: false; message: string; lines: [string, string][] } | null>(null);

  async function run() {
    if (!file) return;
    setBusy(true);
    try {
      const out = await importCsv(await file.text());
      setResult({ ok: true, ...out });
      invalidate();
    } catch (e) {
      const lines = e instanceof ApiError ? Object.entries(e.fields).filter(([k]) => k.startsWith('line.')).map(([k, m]) => [k.slice(5), m] as [string, string]) : [];
      setResult({ ok: false, message: errorMessage(e), lines });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card withBorder component="section" aria-labelledby="csv-import" padding="md">
      <Stack gap="md">
        <Title order={2} size="h4" id="csv-import">{t('import.title')}</Title>
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>{t('import.hint')}</Text>
        <Group>
          <Button variant="subtle" size="compact-sm" onClick={() => saveBlob(new Blob([csvDocument(TEMPLATE)], { type: 'text/csv;charset=utf-8' }), 'modele-frequentation.csv')}>
            {t('import.template')}
          </Button>
        </Group>
        <Group align="end" wrap="wrap">
          {/* A native file input: Mantine's FileInput leaves its inner input without a name (axe: label). */}
          {/* The browser sizes a file input for its file name: never wider than the card on a phone. */}
          <Stack gap={4} maw="100%">
            <Text component="label" htmlFor="visits-csv" fw={500} size="sm">{t('import.file')}</Text>
            <input id="visits-csv" type="file" accept=".csv,text/csv" style={{ maxWidth: '100%' }} onChange={(e) => { setFile(e.currentTarget.files?.[0] ?? null); setResult(null); }} />
          </Stack>
          <Button onClick={() => void run()} loading={busy} disabled={!file}>{t('import.run')}</Button>
        </Group>
        <div aria-live="polite">
          {result?.ok ? <Alert color="cevennes" variant="light">{t('import.done', { count: result.imported, months: result.officeMonths })}</Alert> : null}
          {result && !result.ok ? (
            <Alert color="red" variant="light" title={result.message}>
              <List size="sm" data-testid="import-errors">
                {result.lines.map(([line, message]) => <List.Item key={line}>{t('import.lineError', { line, message })}</List.Item>)}
              </List>
            </Alert>
          ) : null}
        </div>
      </Stack>
    </Card>
  );
}
