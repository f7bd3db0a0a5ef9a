// The differencing attack on several published releases of overlapping periods (decision 0127).
// Each release alone is protected by the engine; together they are linked tables. The attacker
// knows every published value of every release, that counts are whole numbers ≥ 0 (≥ 1 for a
// hidden cell when zeros are published), every table's additivity and, when the data only grew
// (or only shrank) from one release to the other - records added after publication, a longer
// period containing a shorter one - the sign of each cell's difference. For every hidden cell of
// every release we compute its exact feasible interval over the union with the simplex of
// simplex-bounds.solver.ts, per group of linked unknowns.
//
// All tables share one layout (the caller aligns categories: a category absent from a release is
// a published zero there). The constraint matrix is no longer a network matrix once releases are
// linked, so the bounds are those of the linear relaxation: an integer attacker can only do as
// well or better at the edges, never find a value outside them; we require a margin of width,
// not just non-zero width, for the primary cells (the protection level).
import type { CubeLayout } from './count-table.model.ts';
import { FeasibleRegion } from './simplex-bounds.solver.ts';

export interface ReleasedTable {
  /** True values of every cell (margins included), known to the publisher only. */
  readonly values: readonly number[];
  /** Nonzero for cells this release hid. */
  readonly hidden: Uint8Array;
}

export interface RevisionAttackInput {
  readonly layout: CubeLayout;
  /** Releases in publication order; the last one is usually the revision being prepared. */
  readonly releases: readonly ReleasedTable[];
  readonly threshold: number;
  readonly protectionLevel: number;
  /** 'publish': the attacker knows a hidden cell is at least 1. */
  readonly zeros: 'publish' | 'suppress';
}

export interface WeakCell {
  readonly release: number;
  readonly cell: number;
  readonly min: number;
  readonly max: number;
}

interface Variable {
  release: number;
  cell: number;
  lower: number;
  /** Slack variables (difference signs) are not attacked. */
  slack: boolean;
}

/** 1 when every cell grew or stayed, -1 when every cell shrank or stayed, 0 when mixed. */
function monotone(a: readonly number[], b: readonly number[]): 1 | -1 | 0 {
  let up = true;
  let down = true;
  for (let c = 0; c < a.length; c++) {
    if (b[c]! < a[c]!) up = false;
    if (b[c]! > a[c]!) down = false;
  }
  return up ? 1 : down ? -1 : 0;
}

/** Hidden cells whose interval over all releases together is narrower than required. */
export function revisionWeakCells(input: RevisionAttackInput): WeakCell[] {
  const { layout, releases } = input;
  const vars: Variable[] = [];
  const varOf = releases.map(() => new Map<number, number>());
  const lowerOf = (r: number, c: number): number => (input.zeros === 'publish' && releases[r]!.values[c]! > 0 ? 1 : 0);
  releases.forEach((rel, r) => {
    for (let c = 0; c < layout.cellCount; c++) {
      if (!rel.hidden[c]) continue;
      varOf[r]!.set(c, vars.length);
      vars.push({ release: r, cell: c, lower: lowerOf(r, c), slack: false });
    }
  });
  // Sparse rows: coefficient per variable, right-hand side.
  const rows: { terms: Map<number, number>; rhs: number }[] = [];
  /** Adds coef × (value of cell c in release r) to a row: a variable, or a constant moved right. */
  const addCell = (row: { terms: Map<number, number>; rhs: number }, r: number, c: number, coef: number): void => {
    const v = varOf[r]!.get(c);
    if (v === undefined) {
      row.rhs -= coef * releases[r]!.values[c]!;
      return;
    }
    row.terms.set(v, (row.terms.get(v) ?? 0) + coef);
    row.rhs -= coef * vars[v]!.lower;
  };
  releases.forEach((rel, r) => {
    for (const line of layout.lines) {
      if (!line.cells.some((c) => rel.hidden[c])) continue;
      const row = { terms: new Map<number, number>(), rhs: 0 };
      const last = line.cells.length - 1;
      line.cells.forEach((c, k) => addCell(row, r, c, k === last ? -1 : 1));
      rows.push(row);
    }
  });
  for (let a = 0; a < releases.length; a++) {
    for (let b = a + 1; b < releases.length; b++) {
      const sign = monotone(releases[a]!.values, releases[b]!.values);
      if (sign === 0) continue;
      for (let c = 0; c < layout.cellCount; c++) {
        if (!releases[a]!.hidden[c] && !releases[b]!.hidden[c]) continue;
        // sign × (b − a) − s = 0 with s ≥ 0.
        const row = { terms: new Map<number, number>(), rhs: 0 };
        addCell(row, b, c, sign);
        addCell(row, a, c, -sign);
        const s = vars.length;
        vars.push({ release: -1, cell: -1, lower: 0, slack: true });
        row.terms.set(s, -1);
        rows.push(row);
      }
    }
  }
  // Groups of variables linked by a row, each its own programme.
  const parent = vars.map((_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  for (const row of rows) {
    const [first, ...rest] = [...row.terms.keys()];
    if (first === undefined) continue;
    for (const v of rest) parent[find(v)] = find(first);
  }
  const groups = new Map<number, number[]>();
  vars.forEach((_, v) => {
    const root = find(v);
    const list = groups.get(root);
    if (list) list.push(v);
    else groups.set(root, [v]);
  });
  const rowsOf = new Map<number, typeof rows>();
  for (const row of rows) {
    const first = row.terms.keys().next().value;
    if (first === undefined) continue;
    const root = find(first);
    const list = rowsOf.get(root);
    if (list) list.push(row);
    else rowsOf.set(root, [row]);
  }
  const required = (v: Variable): number => {
    const value = releases[v.release]!.values[v.cell]!;
    return value > 0 && value < input.threshold ? input.protectionLevel : 1;
  };
  const weak: WeakCell[] = [];
  for (const [root, members] of groups) {
    const attacked = members.filter((v) => !vars[v]!.slack);
    if (attacked.length === 0) continue;
    const local = new Map(members.map((v, j) => [v, j]));
    const groupRows = rowsOf.get(root) ?? [];
    const a = groupRows.map((row) => {
      const dense = new Array<number>(members.length).fill(0);
      for (const [v, coef] of row.terms) dense[local.get(v)!] = coef;
      return dense;
    });
    const region = new FeasibleRegion(
      a,
      groupRows.map((r) => r.rhs),
      members.length,
    );
    // Vertices visited prove a cell wide without optimising for it (decision 0106's warm start).
    const lo = new Map<number, number>();
    const hi = new Map<number, number>();
    const observe = (): void => {
      const x = region.point();
      for (const v of attacked) {
        const value = x[local.get(v)!]!;
        if (!(value >= (lo.get(v) ?? Infinity))) lo.set(v, value);
        if (!(value <= (hi.get(v) ?? -Infinity))) hi.set(v, value);
      }
    };
    const wide = (v: number): boolean =>
      Math.floor((hi.get(v) ?? 0) + 1e-6) - Math.ceil((lo.get(v) ?? 0) - 1e-6) >= required(vars[v]!);
    observe();
    for (const v of attacked) {
      if (wide(v)) continue;
      const j = local.get(v)!;
      if (region.extreme(j, 'max') === Infinity) {
        hi.set(v, Infinity);
        continue;
      }
      observe();
      if (wide(v)) continue;
      region.extreme(j, 'min');
      observe();
      if (!wide(v)) {
        const { release, cell, lower } = vars[v]!;
        weak.push({
          release,
          cell,
          min: lower + Math.ceil(lo.get(v)! - 1e-6),
          max: lower + Math.floor(hi.get(v)! + 1e-6),
        });
      }
    }
  }
  return weak.sort((x, y) => x.release - y.release || x.cell - y.cell);
}
