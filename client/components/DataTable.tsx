import { Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';

type DataColumn = string | { label: string; miw?: number };

interface DataTableProps {
  columns: DataColumn[];
  /** Below this width the table scrolls sideways instead of squeezing its columns. */
  minWidth: number;
  /** Shown above the table, e.g. "42 établissements". */
  caption?: ReactNode;
  /** The previous page's rows, faded while the next page loads. */
  dimmed?: boolean;
  /** Tighter rows without hover, for tables inside a page section. */
  dense?: boolean;
  /** The rows (Table.Tr). */
  children: ReactNode;
}

/** Every list's table: scrollable, striped, with scoped column headers and an optional top caption. */
export function DataTable({ columns, minWidth, caption, dimmed = false, dense = false, children }: DataTableProps) {
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table striped highlightOnHover={!dense} verticalSpacing={dense ? 'xs' : 'sm'} style={dimmed ? { opacity: 0.6 } : undefined}>
        {caption ? <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>{caption}</Table.Caption> : null}
        <Table.Thead>
          <Table.Tr>
            {columns.map((column, i) => {
              const { label, miw } = typeof column === 'string' ? { label: column, miw: undefined } : column;
              return (
                // The columns are fixed for a table: their order is their identity.
                <Table.Th key={i} scope="col" miw={miw}>
                  {label}
                </Table.Th>
              );
            })}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** A row's heading cell for a person: the name, and the e-mail address under it. */
export function PersonCell({ name, email }: { name: ReactNode; email: string }) {
  return (
    <Table.Th scope="row" fw={400}>
      <Text fw={600} size="sm">
        {name}
      </Text>
      <Text size="xs" c="dimmed">
        {email}
      </Text>
    </Table.Th>
  );
}
