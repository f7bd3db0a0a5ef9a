// Tables of counts in memory: at most a few thousand aggregated cells (categories × categories ×
// categories), never records. Cells are in row-major order over (categories + 1) per dimension,
// the last index of a dimension being its total — the order of the statistics engine's SafeTable.
import { isSuppressed, safeCellAt, type NestedCounts, type SafeCell, type SafeTable } from '@acompana/core';
import type { CountRow } from './stats.queries.ts';

/** Every coordinate of a table of `shape` (each size includes the total), last dimension fastest. */
export function coordinates(shape: readonly number[]): number[][] {
  let out: number[][] = [[]];
  for (const n of shape) {
    const next: number[][] = [];
    for (const prefix of out) for (let k = 0; k < n; k++) next.push([...prefix, k]);
    out = next;
  }
  return out;
}

/** Inner counts as nested arrays (for suppressCounts), from grouped rows and the category keys. */
export function nestedCounts(categories: readonly (readonly string[])[], rows: readonly CountRow[]): NestedCounts {
  const index = categories.map((keys) => new Map(keys.map((k, i) => [k, i])));
  const build = (d: number): unknown[] => categories[d]!.map(() => (d === categories.length - 1 ? 0 : build(d + 1)));
  const root = build(0);
  for (const row of rows) {
    let level: unknown[] = root;
    row.keys.forEach((key, d) => {
      const i = index[d]!.get(key)!;
      if (d === row.keys.length - 1) level[i] = (level[i] as number) + row.count;
      else level = level[i] as unknown[];
    });
  }
  return root as NestedCounts;
}

/** Exact counts with every margin, from grouped rows (internal tables: nothing is hidden). */
export function exactCells(categories: readonly (readonly string[])[], rows: readonly CountRow[]): number[] {
  const shape = categories.map((c) => c.length + 1);
  const strides = shape.map((_, d) => shape.slice(d + 1).reduce((a, b) => a * b, 1));
  const cells = new Array<number>(shape.reduce((a, b) => a * b, 1)).fill(0);
  const index = categories.map((keys) => new Map(keys.map((k, i) => [k, i])));
  for (const row of rows) {
    const at = row.keys.map((k, d) => index[d]!.get(k)!);
    // Add the row to its cell and to every margin it belongs to (each subset of dimensions summed).
    for (let mask = 0; mask < 1 << at.length; mask++) {
      let flat = 0;
      at.forEach((k, d) => (flat += (mask & (1 << d) ? shape[d]! - 1 : k) * strides[d]!));
      cells[flat]! += row.count;
    }
  }
  return cells;
}

export interface ViewCell {
  coords: number[];
  cell: SafeCell;
}

/**
 * A view of a protected table: the cells over the dimensions `picked` (indexes into the table's
 * dimensions, in the order wanted), the other dimensions at their total. Every value of a view is
 * a value of the protected table, so views publish nothing the table does not.
 */
export function viewOf(table: SafeTable, picked: readonly number[]): { shape: number[]; cells: ViewCell[] } {
  const shape = picked.map((d) => table.shape[d]!);
  const cells = coordinates(shape).map((coords) => {
    const full: (number | 'total')[] = table.shape.map(() => 'total');
    picked.forEach((d, j) => (full[d] = coords[j]!));
    return { coords, cell: safeCellAt(table, full) };
  });
  return { shape, cells };
}

export function countOf(cell: SafeCell): number | null {
  return isSuppressed(cell) ? null : cell;
}
