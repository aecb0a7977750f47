import { Box } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A wide table that scrolls sideways on a phone. The scrolling box is a
 * labelled region that takes keyboard focus, so that a keyboard user can
 * scroll it (axe: scrollable-region-focusable); Mantine's ScrollContainer
 * is not focusable and these tables hold no link or button to focus.
 */
export function ScrollTable({ label, minWidth, children }: { label: string; minWidth: number; children: ReactNode }) {
  return (
    <Box role="region" aria-label={label} tabIndex={0} style={{ overflowX: 'auto' }}>
      <Box miw={minWidth}>{children}</Box>
    </Box>
  );
}
