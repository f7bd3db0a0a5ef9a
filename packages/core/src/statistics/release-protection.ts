// Protection of one table of a release against every earlier published release of an
// overlapping period (decision 0127). The engine protects the table alone; then the cells the
// earlier releases of the same period hid are hidden again (a revision never publishes what an
// earlier release hid), and the differencing attack over all releases together
// (revision-attack.solver.ts) runs; while it narrows any hidden cell of any release, more cells of
// the new table are hidden around it. Hiding only removes published equations, so this ends: at
// worst the new table publishes nothing.
import { buildLayout, fillCube, type CubeLayout } from './count-table.model.ts';
import { revisionWeakCells } from './revision-attack.solver.ts';
import { isSuppressed, suppressCounts } from './suppression.service.ts';
import type { CountTableInput, SafeCell, SafeTable } from './statistics.types.ts';

export interface EarlierRelease {
  /** True values on the NEW table's layout (a category the earlier release lacked is 0). */
  readonly values: readonly number[];
  /** Cells it hid, on the same layout. */
  readonly hidden: Uint8Array;
  /** Exactly the same period: its hidden cells are hidden again. */
  readonly samePeriod: boolean;
}

export interface ProtectedRelease {
  readonly table: SafeTable;
  /** True cube values (margins included): kept by the publisher to protect later revisions. */
  readonly values: readonly number[];
  readonly hidden: Uint8Array;
  /** Rounds of the differencing attack (0 without earlier releases). */
  readonly attackRounds: number;
}

const MAX_ROUNDS = 40;

const hiddenMask = (table: SafeTable): Uint8Array => Uint8Array.from(table.cells, (c) => (isSuppressed(c) ? 1 : 0));

/** The cells to hide next around a weak cell: itself, and on each of its lines the total, else the largest count. */
function widen(
  layout: CubeLayout,
  values: readonly number[],
  hidden: Uint8Array,
  cell: number,
  into: Set<number>,
): void {
  into.add(cell);
  for (const id of layout.linesOfCell[cell]!) {
    const cells = layout.lines[id]!.cells;
    const total = cells[cells.length - 1]!;
    if (!hidden[total]) {
      into.add(total);
      continue;
    }
    const open = cells.filter((c) => !hidden[c] && !into.has(c));
    open.sort((a, b) => values[b]! - values[a]!);
    if (open[0] !== undefined) into.add(open[0]);
  }
}

export function protectRelease(
  input: CountTableInput,
  options: { threshold: number; earlier: readonly EarlierRelease[] },
): ProtectedRelease {
  const layout = buildLayout(input.dimensions.map((d) => d.categories.length));
  const values = fillCube(layout, input);
  const forced = new Set<number>();
  for (const e of options.earlier) if (e.samePeriod) e.hidden.forEach((h, c) => h && forced.add(c));
  for (let round = 0; round <= MAX_ROUNDS; round++) {
    const table = suppressCounts(input, { threshold: options.threshold, forceHidden: [...forced] });
    const hidden = hiddenMask(table);
    if (options.earlier.length === 0) return { table, values, hidden, attackRounds: 0 };
    const weak = revisionWeakCells({
      layout,
      releases: [...options.earlier, { values, hidden }],
      threshold: options.threshold,
      protectionLevel: table.report.protectionLevel,
      zeros: 'publish',
    });
    if (weak.length === 0) return { table, values, hidden, attackRounds: round + 1 };
    const before = forced.size;
    for (const c of hidden.keys()) if (hidden[c]) forced.add(c);
    for (const w of weak) widen(layout, values, hidden, w.cell, forced);
    if (forced.size === before) break;
  }
  // Nothing left to hide around the weak cells: publish nothing of this table.
  const all: SafeCell[] = values.map(() => ({ suppressed: true, reason: 'secondary' }) as const);
  const table: SafeTable = {
    dimensions: input.dimensions,
    shape: layout.shape,
    cells: all,
    report: {
      ...suppressCounts(input, { threshold: options.threshold }).report,
      secondary: values.length,
      primary: 0,
      suppressedShare: 1,
    },
  };
  return { table, values, hidden: new Uint8Array(values.length).fill(1), attackRounds: MAX_ROUNDS };
}
