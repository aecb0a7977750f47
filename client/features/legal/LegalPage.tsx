import { Anchor, List, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

interface LegalSectionProps {
  title: string;
  /** The section's opening paragraph. */
  text?: ReactNode;
  /** A bulleted list after it. */
  bullets?: ReactNode[];
  /** Anything else, last (an alert, a table, sub-headings). */
  children?: ReactNode;
}

/** Shared typography of the legal pages: readable line length, h2 sections, most of them a paragraph and a list. */
export function LegalSection({ title, text, bullets, children }: LegalSectionProps) {
  return (
    <Stack gap="xs" component="section">
      <Title order={2} fz="h3" mt="md">
        {title}
      </Title>
      {text !== undefined ? <P>{text}</P> : null}
      {bullets ? <Bullets items={bullets} /> : null}
      {children}
    </Stack>
  );
}

export function P({ children }: { children: ReactNode }) {
  return <Text>{children}</Text>;
}

export function Bullets({ items }: { items: ReactNode[] }) {
  return (
    <List spacing={4}>
      {items.map((item, i) => (
        <List.Item key={i}>{item}</List.Item>
      ))}
    </List>
  );
}

export function ExternalLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Anchor href={href} target="_blank" rel="noopener noreferrer">
      {children}
    </Anchor>
  );
}

export function InternalLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <Anchor component={Link} to={to}>
      {children}
    </Anchor>
  );
}
