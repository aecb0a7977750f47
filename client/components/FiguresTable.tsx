import { Table, type TableProps } from '@mantine/core';
import type { ReactNode } from 'react';

interface FiguresTableProps extends Omit<TableProps, 'children'> {
  /** Said above the table (which chart it writes out). */
  caption: string;
  /** The first column's header: what a row is (a month, an office…). */
  rowHeader: string;
  /** The headers of the number columns. */
  columns: { key: string; label: ReactNode }[];
  /** Each row: its heading cell, then one value per column, in their order. */
  rows: { key: string; label: ReactNode; values: ReactNode[] }[];
  /** The weight of the rows' heading cells. */
  rowHeaderFw?: number;
}

/** The numbers behind a chart as a real table (what a screen reader reads, where exact values are read): caption on top, a heading cell per row, numbers right-aligned. */
export function FiguresTable({ caption, rowHeader, columns, rows, rowHeaderFw = 500, ...table }: FiguresTableProps) {
  return (
    <Table striped {...table}>
      <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>{caption}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{rowHeader}</Table.Th>
          {columns.map((c) => (
            <Table.Th key={c.key} scope="col" ta="right">
              {c.label}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.key}>
            <Table.Th scope="row" fw={rowHeaderFw}>
              {r.label}
            </Table.Th>
            {r.values.map((value, i) => (
              // The columns are fixed for a table: their order is their identity.
              <Table.Td key={columns[i]?.key ?? i} ta="right">
                {value}
              </Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
