import { Button, Card, Group, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { VISIT_LIMITS } from '../../../common/limits';
import { useErrorNotice } from '../../components/States';
import { useSaveTheme, useThemes } from './api';

/** Admins, on the bulk entry page: the request themes of the counter, added, renamed, put in order, withdrawn or offered again (a withdrawn one stays in past figures). */
export function ThemesEditor() {
  const { t } = useTranslation('visits');
  const notifyError = useErrorNotice();
  const themes = useThemes();
  const save = useSaveTheme();
  const form = useForm({ initialValues: { labelFr: '', labelEn: '' } });
  const list = themes.data ?? [];
  /** Moves a theme one place up or down: the themes whose place changes get their new position (1, 2, 3…). */
  const move = async (index: number, by: -1 | 1) => {
    const order = [...list];
    const [moved] = order.splice(index, 1);
    order.splice(index + by, 0, moved!);
    try {
      for (const [i, th] of order.entries()) if (th.position !== i + 1) await save.mutateAsync({ id: th.id, position: i + 1 });
    } catch (e) {
      notifyError(e);
    }
  };
  return (
    <Card withBorder component="section" aria-labelledby="themes-editor" padding="md">
      <Stack gap="md">
        <Title order={2} size="h4" id="themes-editor">{t('themes.title')}</Title>
        <Text size="sm">{t('themes.hint')}</Text>
        <Stack gap="xs" component="ol" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('themes.order')}>
          {list.map((th, i) => (
            <ThemeItem key={th.id} theme={th} first={i === 0} last={i === list.length - 1} busy={save.isPending} onMove={(by) => void move(i, by)} onError={notifyError} />
          ))}
        </Stack>
        <form onSubmit={form.onSubmit((v) => save.mutate(v, { onSuccess: () => form.reset(), onError: notifyError }))}>
          <Group align="end" wrap="wrap">
            <TextInput label={t('themes.labelFr')} required maxLength={VISIT_LIMITS.themeLabel} {...form.getInputProps('labelFr')} />
            <TextInput label={t('themes.labelEn')} required maxLength={VISIT_LIMITS.themeLabel} {...form.getInputProps('labelEn')} />
            <Button type="submit" loading={save.isPending}>{t('themes.add')}</Button>
          </Group>
        </form>
      </Stack>
    </Card>
  );
}

type ThemeValue = NonNullable<ReturnType<typeof useThemes>['data']>[number];

/** One theme in the admins' list: rename (both labels), move up or down, offered at the counter or archived. */
function ThemeItem({ theme, first, last, busy, onMove, onError }: {
  theme: ThemeValue; first: boolean; last: boolean; busy: boolean; onMove: (by: -1 | 1) => void; onError: (e: unknown) => void;
}) {
  const { t } = useTranslation('visits');
  const save = useSaveTheme();
  const [editing, setEditing] = useState(false);
  const form = useForm({ initialValues: { labelFr: theme.labelFr, labelEn: theme.labelEn } });
  const name = `${theme.labelFr} / ${theme.labelEn}`;
  if (editing) {
    return (
      <Card component="li" withBorder padding="sm">
        <form onSubmit={form.onSubmit((v) => save.mutate({ id: theme.id, ...v }, { onSuccess: () => setEditing(false), onError }))}>
          <Group align="end" wrap="wrap">
            <TextInput label={t('themes.labelFr')} required maxLength={VISIT_LIMITS.themeLabel} {...form.getInputProps('labelFr')} data-autofocus />
            <TextInput label={t('themes.labelEn')} required maxLength={VISIT_LIMITS.themeLabel} {...form.getInputProps('labelEn')} />
            <Button type="submit" loading={save.isPending}>{t('themes.save')}</Button>
            <Button variant="default" onClick={() => { form.reset(); setEditing(false); }}>{t('themes.cancel')}</Button>
          </Group>
        </form>
      </Card>
    );
  }
  return (
    <Card component="li" withBorder padding="sm">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Text fw={600} c={theme.active ? undefined : 'dimmed'}>{name}{theme.active ? '' : ` — ${t('themes.archived')}`}</Text>
        <Group gap="xs" wrap="wrap">
          <Switch label={t('themes.active')} checked={theme.active} aria-label={t('themes.activeFor', { name })}
            onChange={(e) => save.mutate({ id: theme.id, active: e.currentTarget.checked }, { onError })} />
          <Button size="xs" variant="default" onClick={() => setEditing(true)} aria-label={t('themes.renameFor', { name })}>{t('themes.rename')}</Button>
          <Button size="xs" variant="default" disabled={first || busy} onClick={() => onMove(-1)} aria-label={t('themes.upFor', { name })}>{t('themes.up')}</Button>
          <Button size="xs" variant="default" disabled={last || busy} onClick={() => onMove(1)} aria-label={t('themes.downFor', { name })}>{t('themes.down')}</Button>
        </Group>
      </Group>
    </Card>
  );
}
