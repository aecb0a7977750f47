import { Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { usePageTitle } from '../../components/usePageTitle';

/** The frame of the log-in, password and invitation pages: one h1, a short explanation, the form. */
export function AuthCard({ title, description, children }: { title: string; description?: ReactNode; children: ReactNode }) {
  usePageTitle(title);
  return (
    <Stack maw={460} mx="auto" mt={{ base: 'md', sm: 48 }} gap="md">
      <Paper withBorder shadow="xs" radius="md" p={{ base: 'md', sm: 'xl' }}>
        <Stack gap="lg">
          <Stack gap={6}>
            <Title order={1} fz="h2">
              {title}
            </Title>
            {/* Long e-mail addresses wrap instead of widening a 360 px phone screen. */}
            {description ? (
              <Text c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                {description}
              </Text>
            ) : null}
          </Stack>
          {children}
        </Stack>
      </Paper>
    </Stack>
  );
}
