import { Card, List, Stack, Text, ThemeIcon } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CheckDto } from './api';

/** The checks before sending, as a list: passed, warning (shown only), or blocking (the launch is refused until fixed). */
export function CampaignChecks({ checks }: { checks: CheckDto[] }) {
  const { t } = useTranslation('newsletters');
  const state = (c: CheckDto) => (c.ok ? 'ok' : c.blocking ? 'blocking' : 'warning');
  const colors = { ok: 'green.9', blocking: 'red.9', warning: 'orange.9' } as const;
  const marks = { ok: '✓', blocking: '✗', warning: '!' } as const;
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Text fw={600} component="h2" size="lg">{t('checks.title')}</Text>
        <List spacing="xs" center>
          {checks.map((c) => (
            <List.Item key={c.key} icon={<ThemeIcon color={colors[state(c)]} size={22} radius="xl" aria-hidden>{marks[state(c)]}</ThemeIcon>}>
              <Text size="sm"><Text span fw={600}>{t(`checks.state.${state(c)}`)}</Text> — {t(`checks.${c.key}.${c.ok ? 'ok' : 'fail'}`, { details: c.details.join(', '), count: Number(c.details[0] ?? 0) })}</Text>
            </List.Item>
          ))}
        </List>
      </Stack>
    </Card>
  );
}
