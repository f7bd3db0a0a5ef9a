// A sortable column header: a real button inside the <th> (keyboard and screen readers), the
// state announced by aria-sort on the header cell and drawn as an arrow hidden from readers.
import type { Header, RowData } from '@tanstack/react-table';
import type { ListFeatures } from './data-table-sort';
import { useTranslation } from 'react-i18next';

const ariaSort = { asc: 'ascending', desc: 'descending' } as const;

export function SortableHeader<T extends RowData>({ header }: { header: Header<ListFeatures, T, unknown> }) {
  const { t } = useTranslation();
  const label = String(header.column.columnDef.header);
  const sorted = header.column.getIsSorted();
  if (!header.column.getCanSort()) {
    return (
      <th scope="col" role="columnheader" className="data-table__th">
        {label}
      </th>
    );
  }
  const next = sorted === 'asc' ? t('lists.sortDescending') : t('lists.sortAscending');
  return (
    <th scope="col" role="columnheader" className="data-table__th" aria-sort={sorted ? ariaSort[sorted] : 'none'}>
      <button type="button" className="data-table__sort" title={next} onClick={header.column.getToggleSortingHandler()}>
        {label}
        <span aria-hidden="true" className="data-table__arrow">
          {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}
        </span>
      </button>
    </th>
  );
}
