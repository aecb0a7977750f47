import { Paper, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** One figure of the session's summary, or of its survey results. */
export function Stat({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="sm">
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
        {label}
      </Text>
      <Text component="div" fw={600} mt={4}>
        {children}
      </Text>
    </Paper>
  );
}
