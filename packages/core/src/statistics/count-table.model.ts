// The table as a flat "cube" of counts that includes its margins: dimension d has n_d categories
// plus the total at index n_d. Every additivity relation of the table is a LINE: the cells that
// vary along one dimension with the other coordinates fixed (totals included), whose inner cells
// sum to the last one. Suppression rules and the attack both reason only about lines, which is
// what makes the same code serve 1-, 2- and 3-dimensional tables.
import { StatisticsError } from './statistics.errors.ts';
import type { CountTableInput } from './statistics.types.ts';

export const MAX_DIMENSIONS = 3;

export interface TableLine {
  readonly dim: number;
  /** Flat cell indices: the inner cells in category order, then the total. */
  readonly cells: readonly number[];
}

export interface CubeLayout {
  readonly sizes: readonly number[];
  readonly shape: readonly number[];
  readonly strides: readonly number[];
  readonly cellCount: number;
  readonly lines: readonly TableLine[];
  /** Line ids through each cell (one per dimension). */
  readonly linesOfCell: readonly (readonly number[])[];
  /** 1 when no coordinate of the cell is a total. */
  readonly inner: Uint8Array;
}

export function buildLayout(sizes: readonly number[]): CubeLayout {
  if (sizes.length < 1 || sizes.length > MAX_DIMENSIONS) {
    throw new StatisticsError('INVALID_TABLE', `a table has 1 to ${MAX_DIMENSIONS} dimensions, not ${sizes.length}`);
  }
  for (const n of sizes) {
    if (!Number.isInteger(n) || n < 1)
      throw new StatisticsError('INVALID_TABLE', 'every dimension needs at least one category');
  }
  const shape = sizes.map((n) => n + 1);
  const strides: number[] = new Array<number>(shape.length);
  let cellCount = 1;
  for (let d = shape.length - 1; d >= 0; d--) {
    strides[d] = cellCount;
    cellCount *= shape[d]!;
  }
  const inner = new Uint8Array(cellCount);
  const linesOfCell: number[][] = Array.from({ length: cellCount }, () => []);
  const lines: TableLine[] = [];
  for (let cell = 0; cell < cellCount; cell++) {
    const coords = coordsOf(cell, shape, strides);
    inner[cell] = coords.every((c, d) => c < sizes[d]!) ? 1 : 0;
    for (let d = 0; d < shape.length; d++) {
      // A line is created once, from the cell where it starts (coordinate 0 along d).
      if (coords[d] !== 0) continue;
      const members: number[] = [];
      for (let k = 0; k < shape[d]!; k++) members.push(cell + k * strides[d]!);
      const id = lines.length;
      lines.push({ dim: d, cells: members });
      for (const m of members) linesOfCell[m]!.push(id);
    }
  }
  return { sizes, shape, strides, cellCount, lines, linesOfCell, inner };
}

export function coordsOf(cell: number, shape: readonly number[], strides: readonly number[]): number[] {
  return shape.map((n, d) => Math.floor(cell / strides[d]!) % n);
}

/** Flattens the nested input and fills (or checks) the margins. */
export function fillCube(layout: CubeLayout, input: CountTableInput): number[] {
  const given = input.marginsGiven === true;
  const expected = given ? layout.shape : layout.sizes;
  const flat: number[] = [];
  flatten(input.counts, expected, 0, flat);
  const values = new Array<number>(layout.cellCount).fill(0);
  if (given) {
    for (let i = 0; i < flat.length; i++) values[i] = flat[i]!;
    for (const line of layout.lines) {
      const total = values[line.cells[line.cells.length - 1]!]!;
      let sum = 0;
      for (let k = 0; k < line.cells.length - 1; k++) sum += values[line.cells[k]!]!;
      if (sum !== total) {
        throw new StatisticsError(
          'MARGINS_NOT_ADDITIVE',
          `a total (${total}) is not the sum of its cells (${sum}); non-additive totals (e.g. people counted once while cells count acts) need a separate table`,
          { total, sum },
        );
      }
    }
    return values;
  }
  // Each inner count is added to every cell obtained by replacing any subset of its coordinates
  // with the total: 2^D additions per cell, at most 8.
  const d = layout.sizes.length;
  const innerStrides = innerStridesOf(layout.sizes);
  for (let i = 0; i < flat.length; i++) {
    const v = flat[i]!;
    if (v === 0) continue;
    const coords = layout.sizes.map((n, k) => Math.floor(i / innerStrides[k]!) % n);
    for (let mask = 0; mask < 1 << d; mask++) {
      let cell = 0;
      for (let k = 0; k < d; k++) cell += ((mask >> k) & 1 ? layout.sizes[k]! : coords[k]!) * layout.strides[k]!;
      values[cell]! += v;
    }
  }
  return values;
}

function innerStridesOf(sizes: readonly number[]): number[] {
  const out = new Array<number>(sizes.length);
  let s = 1;
  for (let d = sizes.length - 1; d >= 0; d--) {
    out[d] = s;
    s *= sizes[d]!;
  }
  return out;
}

function flatten(value: unknown, shape: readonly number[], depth: number, out: number[]): void {
  if (depth === shape.length) {
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
      throw new StatisticsError('INVALID_TABLE', `counts are non-negative integers, got ${String(value)}`);
    }
    out.push(value);
    return;
  }
  if (!Array.isArray(value) || value.length !== shape[depth]) {
    throw new StatisticsError('INVALID_TABLE', `dimension ${depth + 1} should have ${shape[depth]} entries`, { depth });
  }
  for (const item of value) flatten(item, shape, depth + 1, out);
}
