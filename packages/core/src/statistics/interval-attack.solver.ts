// The attack the engine defends against, run for real: an attacker knows every published cell and
// total and that counts are whole numbers ≥ 0 (≥ 1 for a hidden cell when zeros are published,
// because then a hidden cell cannot be a zero). For each hidden cell we compute the feasible
// interval [min, max] with the simplex of simplex-bounds.solver.ts.
//
// Hidden cells split into independent groups (cells linked by a shared line); each group is its
// own small linear programme. For 1- and 2-dimensional tables the constraint matrix is a network
// matrix (totally unimodular), so the linear bounds ARE the integer bounds. For 3-dimensional
// tables they are the linear relaxation: an attacker solving the integer programme may get a
// slightly narrower interval (decision 0106 lists this).
import type { CubeLayout } from './count-table.model.ts';
import { FeasibleRegion } from './simplex-bounds.solver.ts';

export interface AttackInput {
  readonly layout: CubeLayout;
  readonly values: readonly number[];
  /** Nonzero for hidden cells. */
  readonly hidden: Uint8Array;
  /** What the attacker knows as the least possible value of a hidden cell (0 or 1). */
  readonly lowerBound: (cell: number) => number;
}

export interface CellInterval {
  readonly cell: number;
  readonly min: number;
  readonly max: number;
}

interface Group {
  readonly cells: number[];
  readonly region: FeasibleRegion;
  readonly lower: number[];
}

function groupsOf(input: AttackInput): Group[] {
  const { layout, values, hidden } = input;
  const parent = new Map<number, number>();
  const find = (x: number): number => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  for (let c = 0; c < layout.cellCount; c++) if (hidden[c]) parent.set(c, c);
  for (const line of layout.lines) {
    let first = -1;
    for (const c of line.cells) {
      if (!hidden[c]) continue;
      if (first < 0) first = c;
      else parent.set(find(c), find(first));
    }
  }
  const members = new Map<number, number[]>();
  for (const c of parent.keys()) {
    const root = find(c);
    const list = members.get(root);
    if (list) list.push(c);
    else members.set(root, [c]);
  }
  const lineGroups = new Map<number, number[]>();
  layout.lines.forEach((line, id) => {
    const h = line.cells.find((c) => hidden[c]);
    if (h === undefined) return;
    const root = find(h);
    const list = lineGroups.get(root);
    if (list) list.push(id);
    else lineGroups.set(root, [id]);
  });
  const groups: Group[] = [];
  for (const [root, cells] of members) {
    const index = new Map(cells.map((c, i) => [c, i]));
    const lower = cells.map((c) => input.lowerBound(c));
    const a: number[][] = [];
    const b: number[] = [];
    for (const id of lineGroups.get(root) ?? []) {
      const line = layout.lines[id]!;
      const row = new Array<number>(cells.length).fill(0);
      let rhs = 0;
      line.cells.forEach((c, k) => {
        // Inner cells of the line add up to its last cell, the total: Σ inner − total = 0.
        const coef = k === line.cells.length - 1 ? -1 : 1;
        const i = index.get(c);
        if (i === undefined) rhs -= coef * values[c]!;
        else {
          row[i]! += coef;
          rhs -= coef * lower[i]!; // shift x = lower + y so that y ≥ 0
        }
      });
      a.push(row);
      b.push(rhs);
    }
    groups.push({ cells, region: new FeasibleRegion(a, b, cells.length), lower });
  }
  return groups;
}

/** Exact feasible interval of every hidden cell (integers; Infinity when unbounded above). */
export function attackIntervals(input: AttackInput): CellInterval[] {
  const out: CellInterval[] = [];
  for (const g of groupsOf(input)) {
    g.cells.forEach((cell, j) => {
      const max = g.region.extreme(j, 'max');
      const min = g.region.extreme(j, 'min');
      out.push({
        cell,
        min: g.lower[j]! + Math.ceil(min - 1e-6),
        max: max === Infinity ? Infinity : g.lower[j]! + Math.floor(max + 1e-6),
      });
    });
  }
  return out.sort((x, y) => x.cell - y.cell);
}

/**
 * Hidden cells whose interval is narrower than required. Each vertex the simplex visits is a
 * table the attacker cannot rule out, so the values seen so far already prove a width; a cell is
 * only optimised for when the vertices seen do not yet prove it wide enough.
 */
export function findWeakCells(input: AttackInput, requiredWidth: (cell: number) => number): number[] {
  const weak: number[] = [];
  for (const g of groupsOf(input)) {
    const n = g.cells.length;
    const lo = new Float64Array(n).fill(Infinity);
    const hi = new Float64Array(n).fill(-Infinity);
    const observe = (): void => {
      const x = g.region.point();
      for (let j = 0; j < n; j++) {
        const v = x[j]!;
        if (v < lo[j]!) lo[j] = v;
        if (v > hi[j]!) hi[j] = v;
      }
    };
    observe();
    for (let j = 0; j < n; j++) {
      const need = requiredWidth(g.cells[j]!);
      if (hi[j]! - lo[j]! >= need - 1e-6) continue;
      const max = g.region.extreme(j, 'max');
      if (max === Infinity) continue;
      observe();
      if (hi[j]! - lo[j]! >= need - 1e-6) continue;
      g.region.extreme(j, 'min');
      observe();
      if (Math.floor(hi[j]! + 1e-6) - Math.ceil(lo[j]! - 1e-6) < need) weak.push(g.cells[j]!);
    }
  }
  return weak;
}
