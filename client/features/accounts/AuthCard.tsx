import { Anchor, Button, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
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

/** The end of these pages' forms: one full-width submit button, and under it the way to the neighbouring page (forgotten password, back to log-in). */
export function AuthSubmit({ label, pending, link }: { label: string; pending: boolean; link?: { to: string; label: string } }) {
  return (
    <>
      <Button type="submit" loading={pending} fullWidth>
        {label}
      </Button>
      {link ? (
        <Anchor component={Link} to={link.to} size="sm" ta="center">
          {link.label}
        </Anchor>
      ) : null}
    </>
  );
}
