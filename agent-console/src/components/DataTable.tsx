import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './Button';

/** One column of a {@link DataTable}. */
export interface Column<Row> {
  header: string;
  cell: (row: Row) => ReactNode;
  /** Figures, times and durations: their digits line up and they never wrap. */
  numeric?: boolean;
  /** The cell that names its row; exactly one column is the row header. */
  rowHeader?: boolean;
}

/** A button in a row's actions cell. */
export interface RowAction {
  label: string;
  variant?: 'secondary' | 'danger';
  onClick: () => void;
}

interface DataTableProps<Row> {
  caption: string;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  /** Unique among the rows: it keys the row and makes its row header's id. */
  rowKey: (row: Row) => string;
  /** Said in place of the rows when there are none. */
  empty: string;
  /** Given, a last column holds these buttons for each row. */
  actions?: (row: Row) => readonly RowAction[];
}

/**
 * The console's table of records. Each row's action buttons are described by its row header, so a
 * screen reader says which row a button acts on ("Prioritise, B-014") without a label per row.
 */
export function DataTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
  empty,
  actions,
}: DataTableProps<Row>) {
  const { t } = useTranslation();
  const rowId = useId();
  if (columns.filter((column) => column.rowHeader).length !== 1)
    throw new Error(`DataTable "${caption}" needs exactly one column marked rowHeader`);
  return (
    <table className="data-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          {columns.map((column, index) => (
            <th key={index} scope="col">
              {column.header}
            </th>
          ))}
          {actions && <th scope="col">{t('table.actions')}</th>}
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 && (
          <tr>
            <td colSpan={columns.length + (actions ? 1 : 0)} className="empty">
              {empty}
            </td>
          </tr>
        )}
        {rows.map((row) => {
          const key = rowKey(row);
          const headerId = `${rowId}-${key}`;
          return (
            <tr key={key}>
              {columns.map((column, index) => {
                const className = column.numeric ? 'numeric' : undefined;
                return column.rowHeader ? (
                  <th key={index} scope="row" id={headerId} className={className}>
                    {column.cell(row)}
                  </th>
                ) : (
                  <td key={index} className={className}>
                    {column.cell(row)}
                  </td>
                );
              })}
              {actions && (
                <td>
                  <div className="row-actions">
                    {actions(row).map((action) => (
                      <Button
                        key={action.label}
                        className="button-small"
                        variant={action.variant}
                        aria-describedby={headerId}
                        onClick={action.onClick}
                      >
                        {action.label}
                      </Button>
                    ))}
                  </div>
                </td>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
