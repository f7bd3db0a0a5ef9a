// The staff app's list table, built on TanStack Table: sortable headers (aria-sort, keyboard),
// a column chooser remembered per list, and, once many rows are loaded (a shelter's 10,000
// people after many "load more"), row virtualisation with TanStack Virtual against the page's
// own scroll so that only the rows on screen are in the DOM. Sorting orders the rows already
// loaded; the server keeps paging by cursor in its own order. On a phone each row becomes a card
// of labelled lines (CSS), so nothing scrolls sideways.
import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import {
  flexRender,
  useTable,
  type ColumnDef,
  type ColumnVisibilityState,
  type Row,
  type RowData,
  type SortingState,
} from '@tanstack/react-table';
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import { ColumnChooser, useStoredColumnVisibility } from './data-table-columns';
import { SortableHeader } from './data-table-header';
import './data-table.css';

import { listFeatures, type ListFeatures } from './data-table-sort';

export { listColumnHelper } from './data-table-sort';

interface DataTableProps<T extends RowData> {
  /** Names the list in storage (column choice) and prefixes element ids. */
  listId: string;
  /** Accessible name of the table (the id of the heading that names it). */
  labelledBy: string;
  data: T[];
  // TanStack's column definitions mix value types per column; `any` is its documented way.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  columns: ColumnDef<ListFeatures, T, any>[];
  getRowId: (row: T) => string;
  /** True while the first page of a search is on its way: a skeleton instead of rows. */
  loading: boolean;
  /** What to show when there is nothing: say what to do next. */
  empty: ReactNode;
  /** Columns hidden until chosen (secondary facts). */
  hiddenByDefault?: string[];
  rowClassName?: string;
  /** From this many rows on, only the rows near the screen are drawn. */
  virtualiseFrom?: number;
}

const ROW_ESTIMATE = 49;

export function DataTable<T extends RowData>({
  listId,
  labelledBy,
  data,
  columns,
  getRowId,
  loading,
  empty,
  hiddenByDefault = [],
  rowClassName,
  virtualiseFrom = 120,
}: DataTableProps<T>) {
  const { t } = useTranslation();
  const [sorting, setSorting] = useState<SortingState>([]);
  const [visibility, setVisibility] = useStoredColumnVisibility(
    listId,
    Object.fromEntries(hiddenByDefault.map((id) => [id, false])) as ColumnVisibilityState,
  );
  const table = useTable({
    features: listFeatures,
    data,
    columns,
    getRowId: (row) => getRowId(row),
    state: { sorting, columnVisibility: visibility },
    onSortingChange: setSorting,
    onColumnVisibilityChange: setVisibility,
  });
  const rows = table.getRowModel().rows;
  const virtualised = rows.length >= virtualiseFrom;

  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const [scrollMargin, setScrollMargin] = useState(0);
  useLayoutEffect(() => {
    // Where the rows start on the page: the filters above them can grow and shrink.
    const top = bodyRef.current ? bodyRef.current.getBoundingClientRect().top + window.scrollY : 0;
    if (Math.abs(top - scrollMargin) > 1) setScrollMargin(top);
  });
  const virtualizer = useWindowVirtualizer({
    count: virtualised ? rows.length : 0,
    estimateSize: () => ROW_ESTIMATE,
    overscan: 8,
    scrollMargin,
    getItemKey: (index) => rows[index]?.id ?? index,
  });

  const visibleColumns = table.getVisibleLeafColumns().length;
  const renderRow = (row: Row<ListFeatures, T>, index?: number) => (
    <tr
      key={row.id}
      role="row"
      className={['data-table__row', rowClassName].filter(Boolean).join(' ')}
      data-index={index}
      aria-rowindex={index === undefined ? undefined : index + 2}
      ref={index === undefined ? undefined : virtualizer.measureElement}
    >
      {row.getVisibleCells().map((cell) => (
        <td key={cell.id} role="cell" className="data-table__td" data-label={String(cell.column.columnDef.header)}>
          {flexRender(cell.column.columnDef.cell, cell.getContext())}
        </td>
      ))}
    </tr>
  );

  if (!loading && data.length === 0) return <div className="data-table__empty">{empty}</div>;

  let body: ReactNode;
  if (loading && data.length === 0) {
    body = [0, 1, 2, 3, 4].map((i) => (
      <tr key={i} className="data-table__row data-table__row--skeleton" aria-hidden="true">
        {table.getVisibleLeafColumns().map((column) => (
          <td key={column.id} className="data-table__td">
            <span className="data-table__bone" />
          </td>
        ))}
      </tr>
    ));
  } else if (virtualised) {
    const items = virtualizer.getVirtualItems();
    const before = items.length > 0 ? (items[0]?.start ?? 0) - scrollMargin : 0;
    const after = items.length > 0 ? virtualizer.getTotalSize() - ((items.at(-1)?.end ?? 0) - scrollMargin) : 0;
    body = (
      <>
        {before > 0 ? <Spacer height={before} span={visibleColumns} /> : null}
        {items.map((item) => {
          const row = rows[item.index];
          return row ? renderRow(row, item.index) : null;
        })}
        {after > 0 ? <Spacer height={after} span={visibleColumns} /> : null}
      </>
    );
  } else {
    body = rows.map((row) => renderRow(row));
  }

  return (
    <div className="data-table" data-virtualised={virtualised ? 'true' : undefined}>
      <div className="data-table__tools">
        {sorting.length > 0 ? <p className="data-table__note">{t('lists.sortNote')}</p> : null}
        <ColumnChooser table={table} />
      </div>
      <table
        role="table"
        className="data-table__table"
        aria-labelledby={labelledBy}
        aria-rowcount={virtualised ? rows.length + 1 : undefined}
      >
        <thead role="rowgroup" className="data-table__head">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} role="row" className="data-table__head-row">
              {group.headers.map((header) => (
                <SortableHeader key={header.id} header={header} />
              ))}
            </tr>
          ))}
        </thead>
        <tbody role="rowgroup" ref={bodyRef}>
          {body}
        </tbody>
      </table>
    </div>
  );
}

function Spacer({ height, span }: { height: number; span: number }) {
  return (
    <tr aria-hidden="true" className="data-table__spacer" style={{ height }}>
      <td colSpan={span} />
    </tr>
  );
}
