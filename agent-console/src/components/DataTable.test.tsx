import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test, vi } from 'vitest';
import { DataTable, type Column, type RowAction } from './DataTable';

interface Fruit {
  id: string;
  name: string;
  count: number;
}

const FRUITS: Fruit[] = [
  { id: 'f-1', name: 'Mangga', count: 12 },
  { id: 'f-2', name: 'Salak', count: 7 },
];

const COLUMNS: Column<Fruit>[] = [
  { header: 'Buah', cell: (fruit) => fruit.name, rowHeader: true },
  { header: 'Jumlah', cell: (fruit) => fruit.count, numeric: true },
];

function show(
  rows: Fruit[],
  actions?: (fruit: Fruit) => RowAction[],
  columns: Column<Fruit>[] = COLUMNS,
) {
  render(
    <DataTable
      caption="Stok buah"
      empty="Tidak ada buah"
      rows={rows}
      rowKey={(fruit) => fruit.id}
      columns={columns}
      actions={actions}
    />,
  );
  return screen.getByRole('table', { name: 'Stok buah' });
}

describe('a data table', () => {
  test('is named by its caption', () => {
    show(FRUITS);
    expect(screen.getByRole('table')).toHaveAccessibleName('Stok buah');
  });

  test.each([
    { given: 'no actions', actions: undefined, headers: ['Buah', 'Jumlah'] },
    { given: 'actions', actions: () => [], headers: ['Buah', 'Jumlah', 'Tindakan'] },
  ])(
    'heads each column, with an actions column after them given $given',
    ({ actions, headers }) => {
      const table = show(FRUITS, actions);
      const shown = within(table).getAllByRole('columnheader');
      expect(shown.map((header) => header.textContent)).toEqual(headers);
    },
  );

  test('names each row by its row header, in the order given', () => {
    const table = show(FRUITS);
    const rowHeaders = within(table).getAllByRole('rowheader');
    expect(rowHeaders.map((header) => header.textContent)).toEqual(['Mangga', 'Salak']);
    const row = rowHeaders[0]!.closest('tr')!;
    expect(within(row).getByRole('cell', { name: '12' })).toHaveClass('numeric');
  });

  test.each([
    { actions: undefined, span: '2' },
    { actions: () => [], span: '3' },
  ])('says its empty text across all $span columns when there are no rows', ({ actions, span }) => {
    const table = show([], actions);
    const cell = within(table).getByRole('cell', { name: 'Tidak ada buah' });
    expect(cell).toHaveAttribute('colspan', span);
    expect(within(table).queryByRole('rowheader')).not.toBeInTheDocument();
  });

  test('describes each action button by its row header', () => {
    const table = show(FRUITS, () => [
      { label: 'Pesan', onClick: () => undefined },
      { label: 'Buang', variant: 'danger', onClick: () => undefined },
    ]);
    const salak = within(within(table).getByRole('rowheader', { name: 'Salak' }).closest('tr')!);
    expect(salak.getByRole('button', { name: 'Pesan' })).toHaveAccessibleDescription('Salak');
    expect(salak.getByRole('button', { name: 'Buang' })).toHaveAccessibleDescription('Salak');
    expect(salak.getByRole('button', { name: 'Buang' })).toHaveClass('button-danger');
  });

  test('reaches every action by keyboard, row by row, and acts on its own row', async () => {
    const user = userEvent.setup();
    const ordered = vi.fn<(fruit: Fruit) => void>();
    show(FRUITS, (fruit) => [{ label: 'Pesan', onClick: () => ordered(fruit) }]);
    await user.tab();
    expect(screen.getByRole('button', { name: 'Pesan', description: 'Mangga' })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Pesan', description: 'Salak' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(ordered).toHaveBeenCalledExactlyOnceWith(FRUITS[1]);
  });

  test.each([
    { marked: 'no column', columns: [{ header: 'Buah', cell: (fruit: Fruit) => fruit.name }] },
    { marked: 'two columns', columns: COLUMNS.map((column) => ({ ...column, rowHeader: true })) },
  ])('refuses $marked marked as the row header', ({ columns }) => {
    // React reports the error it rethrows; the test expects it, the output need not show it.
    const reported = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(() => show(FRUITS, undefined, columns)).toThrow(
      'DataTable "Stok buah" needs exactly one column marked rowHeader',
    );
    reported.mockRestore();
  });
});
