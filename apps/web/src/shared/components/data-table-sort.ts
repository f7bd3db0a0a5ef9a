// The table features every staff list uses (TanStack Table v9 registers features explicitly):
// column choice and sorting of the loaded rows. Text sorts as a Spanish reader expects (á with a,
// case ignored, numbers inside names by value); the built-in "basic" sorts numbers and ISO dates.
import {
  columnVisibilityFeature,
  constructSortFn,
  createColumnHelper,
  createSortedRowModel,
  rowSortingFeature,
  sortFn_basic,
  tableFeatures,
  type RowData,
} from '@tanstack/react-table';

const collator = new Intl.Collator('es', { sensitivity: 'base', numeric: true });

const sortFn_collate = constructSortFn({
  sort: (a: unknown, b: unknown) => collator.compare(String(a ?? ''), String(b ?? '')),
});

export const listFeatures = tableFeatures({
  columnVisibilityFeature,
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns: { basic: sortFn_basic, collate: sortFn_collate },
});

export type ListFeatures = typeof listFeatures;

/** Column helper for a list of T rows with the list features. */
export const listColumnHelper = <T extends RowData>() => createColumnHelper<ListFeatures, T>();
