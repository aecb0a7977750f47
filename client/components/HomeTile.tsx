import { Card, Group, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** One tile of the home page ("Accueil"): a titled section. */
export function HomeTile({ title, children, badge }: { title: string; children: ReactNode; badge?: ReactNode }) {
  return (
    <Card withBorder radius="md" padding="lg" component="section">
      <Stack gap="xs">
        <Group justify="space-between" gap="xs">
          <Title order={2} fz="h4">
            {title}
          </Title>
          {badge}
        </Group>
        {children}
      </Stack>
    </Card>
  );
}
