// The column chooser of a DataTable: which columns a person wants to see, remembered in this
// browser per list (localStorage), so that a lawyer's narrow cases list stays narrow next week.
import { useEffect, useId, useState } from 'react';
import type { ColumnVisibilityState as VisibilityState, RowData, Table } from '@tanstack/react-table';
import type { ListFeatures } from './data-table-sort';
import { useTranslation } from 'react-i18next';

const storageKey = (listId: string) => `acompana.columns.${listId}`;

function readVisibility(listId: string, defaults: VisibilityState): VisibilityState {
  try {
    const raw = window.localStorage.getItem(storageKey(listId));
    if (!raw) return defaults;
    const parsed: unknown = JSON.parse(raw);
    if (!parsed || typeof parsed !== 'object') return defaults;
    const stored: VisibilityState = {};
    for (const [key, value] of Object.entries(parsed)) if (typeof value === 'boolean') stored[key] = value;
    return { ...defaults, ...stored };
  } catch {
    // Private windows and full storage must not break the list.
    return defaults;
  }
}

/** Column visibility state that survives reloads, keyed by the list's id. */
export function useStoredColumnVisibility(listId: string, defaults: VisibilityState) {
  const [visibility, setVisibility] = useState<VisibilityState>(() => readVisibility(listId, defaults));
  useEffect(() => {
    try {
      window.localStorage.setItem(storageKey(listId), JSON.stringify(visibility));
    } catch {
      // Not remembered, still applied.
    }
  }, [listId, visibility]);
  return [visibility, setVisibility] as const;
}

export function ColumnChooser<T extends RowData>({ table }: { table: Table<ListFeatures, T> }) {
  const { t } = useTranslation();
  const legendId = useId();
  // The choices exist only while the panel is open, so that their labels ("Estado") never stand
  // beside the search form's fields of the same name for assistive technology.
  const [open, setOpen] = useState(false);
  const hideable = table.getAllLeafColumns().filter((column) => column.getCanHide());
  if (hideable.length === 0) return null;
  return (
    <details className="data-table__chooser" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="button button--quiet">{t('lists.columns')}</summary>
      {open ? (
        <fieldset className="data-table__chooser-panel" aria-labelledby={legendId}>
          <legend id={legendId}>{t('lists.columnsLegend')}</legend>
          {hideable.map((column) => {
            const id = `${legendId}-${column.id}`;
            return (
              <div key={column.id} className="data-table__chooser-option">
                <input
                  id={id}
                  type="checkbox"
                  checked={column.getIsVisible()}
                  onChange={column.getToggleVisibilityHandler()}
                />
                <label htmlFor={id}>{String(column.columnDef.header)}</label>
              </div>
            );
          })}
        </fieldset>
      ) : null}
    </details>
  );
}
