import { Card, Group, Stack, Title } from '@mantine/core';
import { useId, type ReactNode } from 'react';

/** One tile of the home page ("Accueil"): a section named by its title (a region landmark). */
export function HomeTile({ title, children, badge }: { title: string; children: ReactNode; badge?: ReactNode }) {
  const titleId = useId();
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby={titleId}>
      <Stack gap="xs">
        <Group justify="space-between" gap="xs">
          <Title order={2} fz="h4" id={titleId}>
            {title}
          </Title>
          {badge}
        </Group>
        {children}
      </Stack>
    </Card>
  );
}
