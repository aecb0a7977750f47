import { Box, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { ReactNode } from 'react';
import classes from './DataTable.module.css';

/**
 * Where a column's cell goes on a phone, where rows become cards: the card's
 * title (the row's heading cell in the table), its status, its « ⋯ » actions,
 * or a labelled detail under them (the default).
 */
export type CardSlot = 'title' | 'status' | 'actions' | 'detail';

export interface DataColumn<T> {
  label: string;
  /** The column's least width in the table. */
  miw?: number;
  cell: (row: T) => ReactNode;
  card?: CardSlot;
}

export interface DataTableProps<T> {
  /** Exactly one column has `card: 'title'`: the row's heading cell. */
  columns: DataColumn<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  /** Below this width the table scrolls sideways instead of squeezing its columns (wide screens only). */
  minWidth: number;
  /** Shown above the table, e.g. "42 établissements". */
  caption?: ReactNode;
  /** The previous page's rows, faded while the next page loads. */
  dimmed?: boolean;
  /** Tighter rows without hover, for tables inside a page section. */
  dense?: boolean;
}

/**
 * Below Mantine's `sm` breakpoint (48em, 768 px) a table of 6-7 columns shows
 * two of them on a 360 px phone, and its status and actions only to someone
 * who guesses to swipe a scroll area with no visible scrollbar. There each row
 * becomes a card instead: title, status and actions first, the other columns
 * as labelled details, nothing wider than the screen. Decided in script rather
 * than CSS because a table restyled as blocks loses its semantics in some
 * screen readers, and rendering both would put every row twice in the page.
 */
const NARROW = '(max-width: 47.99em)';

/** Every list's table: scrollable, striped, with scoped column and row headers; cards on a phone. */
export function DataTable<T>({ columns, rows, rowKey, minWidth, caption, dimmed = false, dense = false }: DataTableProps<T>) {
  // Read at the first render (no table drawn first, then swapped for cards).
  const narrow = useMediaQuery(NARROW, false, { getInitialValueInEffect: false });
  const style = dimmed ? { opacity: 0.6 } : undefined;
  if (narrow) return <DataCards columns={columns} rows={rows} rowKey={rowKey} caption={caption} style={style} />;
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table striped highlightOnHover={!dense} verticalSpacing={dense ? 'xs' : 'sm'} style={style}>
        {caption ? <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>{caption}</Table.Caption> : null}
        <Table.Thead>
          <Table.Tr>
            {columns.map((column, i) => (
              // The columns are fixed for a table: their order is their identity.
              <Table.Th key={i} scope="col" miw={column.miw}>
                {column.label}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={rowKey(row)}>
              {columns.map((column, i) =>
                column.card === 'title' ? (
                  <Table.Th key={i} scope="row" fw={400}>
                    {column.cell(row)}
                  </Table.Th>
                ) : (
                  <Table.Td key={i}>{column.cell(row)}</Table.Td>
                ),
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The rows as a list of cards: title and actions on top, then the status, then the other columns by name. */
function DataCards<T>({ columns, rows, rowKey, caption, style }: Pick<DataTableProps<T>, 'columns' | 'rows' | 'rowKey' | 'caption'> & { style?: { opacity: number } }) {
  const slot = (name: CardSlot) => columns.filter((c) => (c.card ?? 'detail') === name);
  const [title] = slot('title');
  const [statuses, actions, details] = [slot('status'), slot('actions'), slot('detail')];
  return (
    <Stack gap="xs" style={style}>
      {caption ? (
        <Text size="sm" c="dimmed">
          {caption}
        </Text>
      ) : null}
      <ul className={classes.cards}>
        {rows.map((row) => (
          <Paper component="li" key={rowKey(row)} withBorder p="sm" className={classes.card}>
            <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
              <Box className={classes.title}>{title?.cell(row)}</Box>
              {actions.map((c, i) => (
                <Box key={i} className={classes.actions} data-card-slot="actions">
                  {c.cell(row)}
                </Box>
              ))}
            </Group>
            {statuses.length ? (
              <Group gap="xs" mt={6}>
                {statuses.map((c, i) => (
                  <Box key={i} data-card-slot="status">
                    {c.cell(row)}
                  </Box>
                ))}
              </Group>
            ) : null}
            {details.length ? (
              <dl className={classes.details}>
                {details.map((c, i) => (
                  <div key={i} className={classes.detail}>
                    <dt>{c.label}</dt>
                    <dd>{c.cell(row)}</dd>
                  </div>
                ))}
              </dl>
            ) : null}
          </Paper>
        ))}
      </ul>
    </Stack>
  );
}

/** A row's heading content for a person: the name, and the e-mail address under it. */
export function PersonName({ name, email }: { name: ReactNode; email: string }) {
  return (
    <>
      <Text fw={600} size="sm">
        {name}
      </Text>
      <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
        {email}
      </Text>
    </>
  );
}
