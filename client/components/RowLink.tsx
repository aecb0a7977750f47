import { Anchor } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** The link in a list row's title cell (DataTable `card: 'title'`) to that row's own page. */
export function RowLink({ to, children, fw = 600 }: { to: string; children: ReactNode; fw?: number }) {
  return (
    <Anchor component={Link} to={to} fw={fw}>
      {children}
    </Anchor>
  );
}
