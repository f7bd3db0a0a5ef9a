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
import { boxReach } from './box-certificate.ts';
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

/** Hidden cells split into components: cells linked by a line they share. */
function componentsOf(input: AttackInput): number[][] {
  const { layout, hidden } = input;
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
  return [...members.values()];
}

/** Exact feasible interval of every hidden cell (integers; Infinity when unbounded above). */
export function attackIntervals(input: AttackInput): CellInterval[] {
  const out: CellInterval[] = [];
  for (const cells of componentsOf(input)) {
    const g = regionOver(input, cells);
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

/** Hidden cells of a group up to which the whole group is one exact linear programme. */
const FULL_LP_CELLS = 600;
/** Hidden cells of the local programme around one cell of a larger group. */
const LOCAL_LP_CELLS = 160;

/** The linear programme over `cells` only: every other cell, hidden or not, is held at its true value. */
function regionOver(input: AttackInput, cells: readonly number[]): Group {
  const { layout, values } = input;
  const index = new Map(cells.map((c, i) => [c, i]));
  const lower = cells.map((c) => input.lowerBound(c));
  const lineIds = new Set<number>();
  for (const c of cells) for (const id of layout.linesOfCell[c]!) lineIds.add(id);
  const a: number[][] = [];
  const b: number[] = [];
  for (const id of lineIds) {
    const line = layout.lines[id]!;
    const row = new Array<number>(cells.length).fill(0);
    let rhs = 0;
    line.cells.forEach((c, k) => {
      const coef = k === line.cells.length - 1 ? -1 : 1;
      const i = index.get(c);
      if (i === undefined) rhs -= coef * values[c]!;
      else {
        row[i]! += coef;
        rhs -= coef * lower[i]!;
      }
    });
    a.push(row);
    b.push(rhs);
  }
  return { cells: [...cells], region: new FeasibleRegion(a, b, cells.length), lower };
}

/**
 * The hidden cells of a sub-table around `cell`: along each dimension the cell's own index and the
 * indices whose cell on its line is hidden (most room to move first), as many as keep the
 * sub-table under `limit` cells. Every box move through the cell lies in the full sub-table.
 */
function neighbourhood(input: AttackInput, cell: number, limit: number): number[] {
  const { layout, hidden, values } = input;
  const { shape, strides } = layout;
  const coords = shape.map((n, d) => Math.floor(cell / strides[d]!) % n);
  const options = coords.map((k, d) => {
    const base = cell - k * strides[d]!;
    const slack = (i: number): number => values[base + i * strides[d]!]! - input.lowerBound(base + i * strides[d]!);
    const list: number[] = [];
    for (let i = 0; i < shape[d]!; i++) if (i !== k && hidden[base + i * strides[d]!]) list.push(i);
    return list.sort((x, y) => slack(y) - slack(x));
  });
  const chosen = coords.map((k) => [k]);
  // Grow the dimensions in turn while the sub-table stays under the limit.
  for (let grew = true; grew;) {
    grew = false;
    for (let d = 0; d < shape.length; d++) {
      const next = options[d]![chosen[d]!.length - 1];
      if (next === undefined) continue;
      const size = chosen.reduce((n, c, e) => n * (e === d ? c.length + 1 : c.length), 1);
      if (size > limit) continue;
      chosen[d]!.push(next);
      grew = true;
    }
  }
  const out: number[] = [cell];
  const walk = (d: number, offset: number): void => {
    if (d === shape.length) {
      if (offset !== cell && hidden[offset]) out.push(offset);
      return;
    }
    for (const i of chosen[d]!) walk(d + 1, offset + i * strides[d]!);
  };
  walk(0, 0);
  return out;
}

/**
 * Hidden cells whose interval is narrower than required. Only FEASIBLE tables are used as proof
 * that a cell is wide enough: box moves (box-certificate.ts), then the vertices the simplex visits
 * (each is a table the attacker cannot rule out), optimising for a cell only when what was seen so
 * far does not prove it. A group of hidden cells small enough is solved exactly; in a larger one a
 * cell is solved over its neighbourhood with every other cell held at its true value, a programme
 * with MORE constraints than the attacker's, so its interval is never wider than the attacker's:
 * a cell it cannot prove wide is reported weak (more suppression, never less protection).
 * `proven` carries cells already proved wide across calls: hiding more cells only removes
 * published equations, so a table the attacker could not rule out stays one; those are skipped.
 */
export function findWeakCells(
  input: AttackInput,
  requiredWidth: (cell: number) => number,
  proven: Set<number> = new Set(),
): number[] {
  const { layout, values, hidden } = input;
  const hiddenCells: number[] = [];
  for (let c = 0; c < layout.cellCount; c++) if (hidden[c] && !proven.has(c)) hiddenCells.push(c);
  const reach = boxReach(layout, values, hidden, input.lowerBound, hiddenCells, requiredWidth);
  const lo = new Map<number, number>();
  const hi = new Map<number, number>();
  for (const [c, r] of reach) {
    lo.set(c, values[c]! - r.down);
    hi.set(c, values[c]! + r.up);
  }
  const wideEnough = (c: number): boolean => {
    if (proven.has(c)) return true;
    const ok = Math.floor(hi.get(c)! + 1e-6) - Math.ceil(lo.get(c)! - 1e-6) >= requiredWidth(c);
    if (ok) proven.add(c);
    return ok;
  };
  const weak: number[] = [];
  for (const g of componentsOf(input)) {
    const open = g.filter((c) => hidden[c] && !wideEnough(c));
    if (open.length === 0) continue;
    const exact = g.length <= FULL_LP_CELLS;
    const shared: Group | null = exact ? regionOver(input, g) : null;
    for (const cell of open) {
      if (wideEnough(cell)) continue;
      const group = shared ?? regionOver(input, neighbourhood(input, cell, LOCAL_LP_CELLS));
      const observe = (): void => {
        const x = group.region.point();
        group.cells.forEach((c, j) => {
          if (proven.has(c)) return;
          const v = group.lower[j]! + x[j]!;
          if (!(v >= lo.get(c)!)) lo.set(c, v);
          if (!(v <= hi.get(c)!)) hi.set(c, v);
        });
      };
      const j = group.cells.indexOf(cell);
      observe();
      if (wideEnough(cell)) continue;
      if (group.region.extreme(j, 'max') === Infinity) {
        hi.set(cell, Infinity);
        continue;
      }
      observe();
      if (wideEnough(cell)) continue;
      group.region.extreme(j, 'min');
      observe();
      if (!wideEnough(cell)) weak.push(cell);
    }
  }
  return weak.sort((x, y) => x - y);
}
