import { Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** A read-only value under its label (role, recipient, date…), for details that are not form fields. */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="sm" fw={600}>
        {label}
      </Text>
      <Text size="sm">{children}</Text>
    </div>
  );
}
