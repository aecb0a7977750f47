import { Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** One section of « Mon profil » (its heading focusable, so that /profil#<id> lands on it); features add their own (news mail). */
export function ProfileSection({ id, title, description, children, danger }: { id: string; title: string; description?: ReactNode; children: ReactNode; danger?: boolean }) {
  return (
    <Paper component="section" aria-labelledby={`${id}-title`} id={id} withBorder radius="md" p={{ base: 'md', sm: 'lg' }} style={{ scrollMarginTop: 80, ...(danger ? { borderColor: 'var(--mantine-color-red-3)' } : {}) }}>
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={2} fz="h3" id={`${id}-title`} tabIndex={-1}>
            {title}
          </Title>
          {description ? <Text size="sm" c="dimmed">{description}</Text> : null}
        </Stack>
        {children}
      </Stack>
    </Paper>
  );
}

