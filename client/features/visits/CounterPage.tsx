import { ActionIcon, Alert, Badge, Button, Card, Chip, Group, NumberInput, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { VISIT_LIMITS } from '../../../common/limits';
import { COUNTRIES, DEPARTEMENTS, VISIT_LANGUAGES, VISIT_MODES, type VisitLanguage, type VisitMode } from '../../../common/visits';
import { PageHeader } from '../../components/PageHeader';
import { useErrorMessage } from '../../components/States';
import { formatDateTime } from '../../lib/format';
import { useInvalidateVisits, useRecent, useSetup, useUndo, type Contact, type ContactBody } from './api';
import { useVisitLabels } from './labels';
import { readQueue, useContactQueue } from './offline-queue';

/** Shown first while an office has no history yet: the territory's usual visitors. */
const DEFAULT_ORIGINS = ['FR-30', 'FR-34', 'FR-13', 'FR-69', 'FR-75', 'BE', 'NL', 'DE', 'GB', 'CH'];

/**
 * The counter, made for a phone: the defaults (mode comptoir, one person,
 * French) are set once, then one tap on an origin records a contact. Contacts
 * go through a browser queue, so the tally goes on when the connection drops;
 * the recent ones can be undone for a few minutes.
 */
export default function CounterPage() {
  const { t } = useTranslation('visits');
  const labels = useVisitLabels();
  const errorMessage = useErrorMessage();
  const [officeId, setOfficeId] = useState<string | null>(null);
  const setup = useSetup(officeId);
  const office = officeId ?? setup.data?.officeId ?? null;
  const [mode, setMode] = useState<VisitMode>('comptoir');
  const [partySize, setPartySize] = useState<number>(1);
  const [language, setLanguage] = useState<VisitLanguage>('fr');
  const [themeIds, setThemeIds] = useState<string[]>([]);
  const [other, setOther] = useState<string | null>(null);
  const invalidate = useInvalidateVisits();
  const queue = useContactQueue(invalidate, (refused) =>
    notifications.show({ color: 'red', message: t('counter.refused', { count: refused.length }) }));

  // The office's most frequent first, completed with the territory's usual ones while its history is short.
  const frequent = [...new Set([...(setup.data?.frequentOrigins ?? []), ...DEFAULT_ORIGINS])].slice(0, VISIT_LIMITS.frequentOrigins);
  const allOrigins = useMemo(() => [
    { group: t('counter.departements'), items: DEPARTEMENTS.map(([code]) => ({ value: `FR-${code}`, label: labels.origin(`FR-${code}`) })) },
    { group: t('counter.countries'), items: COUNTRIES.map((c) => ({ value: c, label: labels.origin(c) })) },
  ], [labels.locale]); // eslint-disable-line react-hooks/exhaustive-deps

  function record(origin: string) {
    if (!office) {
      notifications.show({ color: 'red', message: t('counter.chooseOffice') });
      return;
    }
    const contact: ContactBody = {
      id: crypto.randomUUID(), officeId: office, occurredAt: new Date().toISOString(), mode, partySize, origin, language, themeIds: themeIds.map(Number),
    };
    void queue.record(contact);
    notifications.show({ color: 'cevennes', message: t('counter.recorded', { origin: labels.origin(origin), count: partySize }) });
    setPartySize(1);
    setThemeIds([]);
    setOther(null);
  }

  return (
    <>
      <PageHeader title={t('counter.title')} description={t('counter.description')} />
      <Stack gap="lg" maw={720}>
        <Alert role="status" color={queue.pending ? 'orange' : 'cevennes'} variant="light" data-testid="queue-status">
          {queue.pending ? t('counter.pending', { count: queue.pending }) : t('counter.allSent')}
        </Alert>
        <Select
          label={t('fields.office')}
          data={(setup.data?.offices ?? []).map((o) => ({ value: o.id, label: o.name }))}
          value={office}
          onChange={setOfficeId}
          allowDeselect={false}
        />
        <Stack gap={6}>
          <Text fw={600} id="mode-label">{t('fields.mode')}</Text>
          <Chip.Group value={mode} onChange={(v) => setMode(v as VisitMode)}>
            <Group gap="xs" role="radiogroup" aria-labelledby="mode-label">
              {VISIT_MODES.map((m) => <Chip key={m} value={m} size="md" type="radio">{t(`modes.${m}`)}</Chip>)}
            </Group>
          </Chip.Group>
        </Stack>
        <Group align="end" gap="xs" wrap="nowrap">
          <ActionIcon size={44} variant="default" aria-label={t('counter.fewer')} onClick={() => setPartySize((n) => Math.max(1, n - 1))}>−</ActionIcon>
          <NumberInput
            label={t('fields.partySize')}
            value={partySize}
            onChange={(v) => setPartySize(Math.min(VISIT_LIMITS.partySizeMax, Math.max(1, Number(v) || 1)))}
            min={1}
            max={VISIT_LIMITS.partySizeMax}
            w={120}
            size="md"
          />
          <ActionIcon size={44} variant="default" aria-label={t('counter.more')} onClick={() => setPartySize((n) => Math.min(VISIT_LIMITS.partySizeMax, n + 1))}>+</ActionIcon>
        </Group>
        <Select
          label={t('fields.language')}
          data={VISIT_LANGUAGES.map((l) => ({ value: l, label: labels.language(l) }))}
          value={language}
          onChange={(v) => v && setLanguage(v as VisitLanguage)}
          allowDeselect={false}
          maw={320}
        />
        <Stack gap={6}>
          <Text fw={600} id="themes-label">{t('fields.themes')}</Text>
          <Chip.Group multiple value={themeIds} onChange={setThemeIds}>
            <Group gap="xs" role="group" aria-labelledby="themes-label">
              {(setup.data?.themes ?? []).map((th) => <Chip key={th.id} value={String(th.id)} size="md">{labels.theme(th)}</Chip>)}
            </Group>
          </Chip.Group>
        </Stack>
        <Card withBorder padding="md">
          <Stack gap="sm">
            <Title order={2} size="h4">{t('counter.originTitle')}</Title>
            <Text size="sm">{t('counter.originHint')}</Text>
            <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="xs">
              {frequent.map((o) => (
                <Button key={o} size="md" variant="light" onClick={() => record(o)} styles={{ label: { whiteSpace: 'normal', textAlign: 'center', overflowWrap: 'anywhere' } }} h="auto" mih={56} py={6} px={6}>
                  {labels.origin(o)}
                </Button>
              ))}
            </SimpleGrid>
            <Group align="end" wrap="wrap">
              <Select label={t('counter.otherOrigin')} data={allOrigins} value={other} onChange={setOther} searchable w={{ base: '100%', sm: 320 }} />
              <Button size="md" disabled={!other} onClick={() => other && record(other)}>{t('counter.record')}</Button>
            </Group>
          </Stack>
        </Card>
        <RecentContacts pending={queue.pending} onError={(e) => notifications.show({ color: 'red', message: errorMessage(e) })} />
      </Stack>
    </>
  );
}

function RecentContacts({ pending, onError }: { pending: number; onError: (e: unknown) => void }) {
  const { t } = useTranslation('visits');
  const labels = useVisitLabels();
  const recent = useRecent();
  const undo = useUndo();
  const waiting = pending ? readQueue() : [];
  const rows: (Pick<Contact, 'id' | 'origin' | 'partySize' | 'mode' | 'occurredAt'> & { waiting: boolean })[] = [
    ...waiting.map((c) => ({ id: c.id, origin: c.origin, partySize: c.partySize, mode: c.mode, occurredAt: c.occurredAt ?? '', waiting: true })),
    ...(recent.data ?? []).filter((c) => !waiting.some((w) => w.id === c.id)).map((c) => ({ ...c, waiting: false })),
  ];
  if (!rows.length) return null;
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">{t('counter.recentTitle', { minutes: VISIT_LIMITS.correctionMinutes })}</Title>
      {rows.map((c) => (
        <Card key={c.id} withBorder padding="xs">
          <Group justify="space-between" wrap="nowrap">
            <Stack gap={0}>
              <Text size="sm" fw={600}>{labels.origin(c.origin)} · {t('counter.people', { count: c.partySize })}</Text>
              <Text size="xs">{t(`modes.${c.mode}`)} · {c.occurredAt ? formatDateTime(c.occurredAt) : ''}</Text>
            </Stack>
            {c.waiting ? (
              <Badge color="dark.7" variant="outline">{t('counter.waiting')}</Badge>
            ) : (
              <Button size="xs" variant="outline" color="red.9" loading={undo.isPending && undo.variables === c.id}
                onClick={() => undo.mutate(c.id, { onError })} aria-label={t('counter.undoLabel', { origin: labels.origin(c.origin) })}>
                {t('counter.undo')}
              </Button>
            )}
          </Group>
        </Card>
      ))}
    </Stack>
  );
}
