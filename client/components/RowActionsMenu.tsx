import { ActionIcon, Menu } from '@mantine/core';
import type { ReactNode } from 'react';

/** A row's "⋯" button opening its actions, named after the row (e.g. "Actions pour Marie Causse"). */
export function RowActionsMenu({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon variant="default" size="lg" aria-label={label}>
          <span aria-hidden="true">⋯</span>
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>{children}</Menu.Dropdown>
    </Menu>
  );
}
