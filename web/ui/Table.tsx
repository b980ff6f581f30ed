import { useId, type ReactNode } from 'react';

export interface Column<Row> {
  key: string;
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  numeric?: boolean;
  /** The cell that names the row is a row header (th scope=row). */
  rowHeader?: boolean;
}

interface TableProps<Row> {
  caption: ReactNode;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  empty: ReactNode;
}

/** A KERN table with caption and header scopes; scrolls sideways on narrow screens. */
export function Table<Row>({ caption, columns, rows, rowKey, empty }: TableProps<Row>) {
  const captionId = useId();
  return (
    <div className="kern-table-responsive" tabIndex={0} role="region" aria-labelledby={captionId}>
      <table className="kern-table kern-table--striped">
        <caption className="kern-title" id={captionId}>
          {caption}
        </caption>
        <thead className="kern-table__head">
          <tr className="kern-table__row">
            {columns.map((column) => (
              <th key={column.key} scope="col" className={`kern-table__header${column.numeric ? ' kern-table__header--numeric' : ''}`}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="kern-table__body">
          {rows.length === 0 ? (
            <tr className="kern-table__row">
              <td className="kern-table__cell" colSpan={columns.length}>
                {empty}
              </td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr key={rowKey(row)} className="kern-table__row">
                {columns.map((column) => {
                  const className = `kern-table__cell${column.numeric ? ' kern-table__cell--numeric' : ''}`;
                  return column.rowHeader ? (
                    <th key={column.key} scope="row" className={className}>
                      {column.cell(row)}
                    </th>
                  ) : (
                    <td key={column.key} className={className}>
                      {column.cell(row)}
                    </td>
                  );
                })}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
