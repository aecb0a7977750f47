import { Paper } from '@mantine/core';
import type { ReactNode } from 'react';

/** The bordered panel a page's form sits in, no wider than its fields need. */
export function FormPanel({ maw, children }: { maw: number; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} maw={maw}>
      {children}
    </Paper>
  );
}
