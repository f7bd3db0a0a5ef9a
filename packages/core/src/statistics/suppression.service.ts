// suppressCounts: primary suppression, secondary suppression by the hypercube method (one box per
// sensitive cell, itself the proof that the cell cannot be narrowed), then on small tables the
// interval attack as an extra check (decisions 0106, 0122). Pure: no I/O.
import { buildLayout, coordsOf, fillCube } from './count-table.model.ts';
import type { CubeLayout } from './count-table.model.ts';
import { protectWithBoxes } from './hypercube.heuristic.ts';
import { findWeakCells } from './interval-attack.solver.ts';
import {
  enforceLineRule,
  PRIMARY,
  PUBLISHED,
  SECONDARY,
  SuppressionState,
  widenAround,
} from './secondary-suppression.heuristic.ts';
import { StatisticsError } from './statistics.errors.ts';
import type {
  CountTableInput,
  SafeCell,
  SafeTable,
  SuppressionOptions,
  SuppressionReport,
} from './statistics.types.ts';

export const DEFAULT_THRESHOLD = 5;
/** Below 3 a published count of 1 or 2 lets a member of the group identify the other one. */
export const MIN_THRESHOLD = 3;

const PRIMARY_CELL: SafeCell = Object.freeze({ suppressed: true, reason: 'primary' } as const);
const SECONDARY_CELL: SafeCell = Object.freeze({ suppressed: true, reason: 'secondary' } as const);

export interface ResolvedOptions {
  readonly threshold: number;
  readonly protectionLevel: number;
  readonly zeros: 'publish' | 'suppress';
  readonly verify: boolean;
  readonly forceHidden: readonly number[];
}

export function resolveOptions(options: SuppressionOptions = {}): ResolvedOptions {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  if (!Number.isInteger(threshold) || threshold < MIN_THRESHOLD) {
    throw new StatisticsError(
      'THRESHOLD_TOO_LOW',
      `the minimum cell size must be a whole number of at least ${MIN_THRESHOLD}, got ${threshold}`,
      { threshold },
    );
  }
  const protectionLevel = options.protectionLevel ?? threshold;
  if (!Number.isInteger(protectionLevel) || protectionLevel < 1) {
    throw new StatisticsError(
      'INVALID_TABLE',
      `the protection level must be a whole number of at least 1, got ${protectionLevel}`,
    );
  }
  return {
    threshold,
    protectionLevel,
    zeros: options.zeros ?? 'publish',
    verify: options.verify ?? true,
    forceHidden: options.forceHidden ?? [],
  };
}

export interface SuppressionResult {
  readonly layout: CubeLayout;
  readonly values: readonly number[];
  readonly status: Uint8Array;
  readonly rounds: number;
  readonly verification: 'lp' | 'box';
}

/**
 * Tables up to this many cells (margins included) get the interval attack (the LP audit) as a check;
 * it takes milliseconds there. Larger tables get the hypercube alone: each box is a proof on its own.
 */
export const LP_AUDIT_MAX_CELLS = 1200;
/**
 * Which tables are protected by the line rule and the attack rather than by the hypercube: 1- and
 * 2-way tables the audit covers (their linear bounds are the integer bounds, and they lose less:
 * 22.9 % of cells against 28 % on the bulletin bench), and the 3-way tables the engine was
 * measured on before (decision 0111: up to 400 inner cells, 60 of them small). On a small sparse
 * table the attack finds combinations of moves where a single box would have to go through the
 * grand total (a lone count in a row of zeros has no other box), so the total stays published.
 */
const LP_METHOD_MAX_INNER_3D = 400;
const LP_METHOD_MAX_SMALL_3D = 60;
/** Cost of hiding one more cell on top of its count (hypercube.heuristic.ts). */
const CELL_COST = 10;

/** The decision of which cells to hide, on the raw cube (used by suppressCounts and by tests). */
export function decideSuppression(input: CountTableInput, options: ResolvedOptions): SuppressionResult {
  const layout = buildLayout(input.dimensions.map((d) => d.categories.length));
  const values = fillCube(layout, input);
  const state = new SuppressionState(layout, values);
  const sensitive = (v: number): boolean =>
    (v > 0 && v < options.threshold) || (v === 0 && options.zeros === 'suppress');
  const primaries: number[] = [];
  for (let c = 0; c < layout.cellCount; c++) {
    if (!sensitive(values[c]!)) continue;
    state.hide(c, PRIMARY);
    primaries.push(c);
  }
  // Cells an earlier release of the period hid stay hidden (decision 0127).
  for (const c of options.forceHidden) if (c >= 0 && c < layout.cellCount) state.hide(c, SECONDARY);

  // With zeros published, the attacker knows a hidden cell is at least 1 (a zero is only hidden as
  // a last resort, and then the attacker's assumption is wrong in our favour).
  const lowerBound = (c: number): number => (options.zeros === 'publish' && values[c]! > 0 ? 1 : 0);
  const requiredWidth = (c: number): number => (state.status[c] === PRIMARY ? options.protectionLevel : 1);
  const audited = options.verify && layout.cellCount <= LP_AUDIT_MAX_CELLS;
  const innerCells = layout.sizes.reduce((n, k) => n * k, 1);
  const innerPrimaries = primaries.filter((c) => layout.inner[c]).length;
  const lpMethod =
    audited &&
    (layout.sizes.length < 3 || (innerCells <= LP_METHOD_MAX_INNER_3D && innerPrimaries <= LP_METHOD_MAX_SMALL_3D));
  if (!lpMethod) {
    // Every sensitive cell gets a box that proves it wide enough (hypercube.heuristic.ts). Margins
    // first (the lower-dimensional tables, as τ-ARGUS does), then the smallest counts: they have
    // the fewest boxes wide enough, and later cells reuse their corners.
    const totalsIn = (c: number): number =>
      layout.shape.reduce((n, size, d) => n + (Math.floor(c / layout.strides[d]!) % size === size - 1 ? 1 : 0), 0);
    primaries.sort((a, b) => totalsIn(b) - totalsIn(a) || values[a]! - values[b]! || a - b);
    protectWithBoxes(state, primaries, {
      protectionLevel: options.protectionLevel,
      lowerBound,
      usable: (c) => values[c]! > 0 || options.zeros === 'suppress',
      cellCost: CELL_COST,
    });
    // Forced cells have no box: the line rule at least keeps each from being a line's only hidden cell.
    if (options.forceHidden.length > 0) enforceLineRule(state);
  }
  let rounds = 1;
  // The attack, until it fails on every hidden cell. After the boxes it cannot find a weak cell
  // while they are sound; if it ever does, the cell is widened (never less protection).
  const proven = new Set<number>();
  while (audited) {
    enforceLineRule(state);
    const weak = findWeakCells({ layout, values, hidden: state.status, lowerBound }, requiredWidth, proven);
    if (weak.length === 0) break;
    rounds++;
    // Widen one weak cell per neighbourhood per round: one new suppression often fixes several
    // weak cells at once, and the next attack shows which are still weak.
    const touched = new Set<number>();
    let progressed = false;
    for (const w of weak) {
      const lines = layout.linesOfCell[w]!;
      if (lines.some((id) => touched.has(id))) continue;
      if (widenAround(state, w, options.protectionLevel)) {
        progressed = true;
        for (const id of lines) touched.add(id);
      }
    }
    if (!progressed) break; // everything that can be hidden is: the attack is then unbounded
  }
  return { layout, values, status: state.status, rounds, verification: audited ? 'lp' : 'box' };
}

/**
 * Protects a table of counts for publication. Every cell, totals included, comes back either as its
 * exact count or as `{ suppressed: true, reason }`. Thresholds below 3 are refused.
 */
export function suppressCounts(input: CountTableInput, options: SuppressionOptions = {}): SafeTable {
  const resolved = resolveOptions(options);
  const { layout, values, status, rounds, verification } = decideSuppression(input, resolved);
  const cells: SafeCell[] = values.map((v, c) =>
    status[c] === PUBLISHED ? v : status[c] === PRIMARY ? PRIMARY_CELL : SECONDARY_CELL,
  );
  let primary = 0;
  let secondary = 0;
  let innerCells = 0;
  let innerHidden = 0;
  let hiddenCount = 0;
  let grand = 0;
  for (let c = 0; c < layout.cellCount; c++) {
    if (status[c] === PRIMARY) primary++;
    if (status[c] === SECONDARY) secondary++;
    if (!layout.inner[c]) continue;
    innerCells++;
    grand += values[c]!;
    if (status[c] !== PUBLISHED) {
      innerHidden++;
      hiddenCount += values[c]!;
    }
  }
  const report: SuppressionReport = {
    threshold: resolved.threshold,
    protectionLevel: resolved.protectionLevel,
    zeros: resolved.zeros,
    cells: layout.cellCount,
    primary,
    secondary,
    suppressedShare: (primary + secondary) / layout.cellCount,
    informationLoss: {
      innerCellsSuppressed: innerHidden,
      innerCellShare: innerHidden / innerCells,
      hiddenCountShare: grand === 0 ? 0 : hiddenCount / grand,
    },
    verification,
    rounds,
  };
  return { dimensions: input.dimensions, shape: layout.shape, cells, report };
}

/** The cell at `coords`; use 'total' (or the category count) for a margin. */
export function safeCellAt(table: SafeTable, coords: readonly (number | 'total')[]): SafeCell {
  if (coords.length !== table.shape.length)
    throw new StatisticsError('INVALID_TABLE', `expected ${table.shape.length} coordinates`);
  let flat = 0;
  coords.forEach((c, d) => {
    const n = table.shape[d]!;
    const k = c === 'total' ? n - 1 : c;
    if (!Number.isInteger(k) || k < 0 || k >= n)
      throw new StatisticsError('INVALID_TABLE', `coordinate ${String(c)} is outside dimension ${d + 1}`);
    flat = flat * n + k;
  });
  return table.cells[flat]!;
}

export function isSuppressed(cell: SafeCell): cell is Exclude<SafeCell, number> {
  return typeof cell !== 'number';
}

/** Coordinates of every cell in the flat order of `SafeTable.cells` (category index or the total index). */
export function cellCoordinates(table: SafeTable): number[][] {
  const strides: number[] = [];
  let s = 1;
  for (let d = table.shape.length - 1; d >= 0; d--) {
    strides[d] = s;
    s *= table.shape[d]!;
  }
  return table.cells.map((_, c) => coordsOf(c, table.shape, strides));
}
