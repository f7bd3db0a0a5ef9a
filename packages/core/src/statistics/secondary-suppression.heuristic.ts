// Secondary (complementary) suppression, in the spirit of τ-ARGUS's hypercube method applied line
// by line: a line (row, column, or pillar in 3-D, totals included) with exactly one hidden cell
// gives that cell away by subtraction, so it gets a second hidden cell. The second cell is chosen to
// lose as little as possible: the smallest count, preferring a cell whose other lines already need
// a partner (it fixes two problems at once) and avoiding one whose other lines are all published
// (it would start a new problem there). Zeros are not chosen while anything else is available: an
// attacker who knows a structural zero gains nothing from seeing it hidden.
import type { CubeLayout } from './count-table.model.ts';

export const PUBLISHED = 0;
export const PRIMARY = 1;
export const SECONDARY = 2;

export class SuppressionState {
  readonly status: Uint8Array;
  readonly hiddenInLine: Int32Array;

  constructor(
    readonly layout: CubeLayout,
    readonly values: readonly number[],
  ) {
    this.status = new Uint8Array(layout.cellCount);
    this.hiddenInLine = new Int32Array(layout.lines.length);
  }

  hide(cell: number, reason: typeof PRIMARY | typeof SECONDARY): void {
    if (this.status[cell] !== PUBLISHED) return;
    this.status[cell] = reason;
    for (const id of this.layout.linesOfCell[cell]!) this.hiddenInLine[id]!++;
  }
}

/** Adds secondary suppressions until no line has exactly one hidden cell. Returns how many were added. */
export function enforceLineRule(state: SuppressionState): number {
  const { layout } = state;
  let added = 0;
  const queue: number[] = [];
  for (let id = 0; id < layout.lines.length; id++) if (state.hiddenInLine[id] === 1) queue.push(id);
  while (queue.length > 0) {
    const id = queue.pop()!;
    if (state.hiddenInLine[id] !== 1) continue;
    const partner = cheapestPartner(state, id);
    if (partner < 0) continue; // a line of one cell cannot happen (every line has a total)
    state.hide(partner, SECONDARY);
    added++;
    for (const other of layout.linesOfCell[partner]!) if (state.hiddenInLine[other] === 1) queue.push(other);
  }
  return added;
}

function cheapestPartner(state: SuppressionState, lineId: number): number {
  const { layout, values, status, hiddenInLine } = state;
  let best = -1;
  let bestCost = Infinity;
  for (const allowZero of [false, true]) {
    for (const c of layout.lines[lineId]!.cells) {
      if (status[c] !== PUBLISHED) continue;
      const v = values[c]!;
      if (v === 0 && !allowZero) continue;
      let created = 0;
      let fixed = 0;
      for (const other of layout.linesOfCell[c]!) {
        if (other === lineId) continue;
        if (hiddenInLine[other] === 0) created++;
        else if (hiddenInLine[other] === 1) fixed++;
      }
      const cost = ((v + 1) * (1 + created)) / (1 + fixed);
      if (cost < bestCost) {
        bestCost = cost;
        best = c;
      }
    }
    if (best >= 0) return best;
  }
  return best;
}

/**
 * The attack found `weak` too narrow: hide one more cell that opens a new way for it to vary. A
 * cell on one of its own lines is preferred; a count at least `protection` is preferred to a smaller
 * one (a small partner would just become the new bottleneck); among those, the smallest. Returns
 * false when nothing is left to hide.
 */
export function widenAround(state: SuppressionState, weak: number, protection: number): boolean {
  const { layout, values, status } = state;
  const cost = (c: number): number => {
    const v = values[c]!;
    return v >= protection ? v : 1e12 - v;
  };
  const pick = (cells: Iterable<number>, allowZero: boolean): number => {
    let best = -1;
    for (const c of cells) {
      if (status[c] !== PUBLISHED || (!allowZero && values[c] === 0)) continue;
      if (best < 0 || cost(c) < cost(best)) best = c;
    }
    return best;
  };
  const own = layout.linesOfCell[weak]!.flatMap((id) => layout.lines[id]!.cells);
  let chosen = pick(own, false);
  if (chosen < 0) {
    // Every cell on its own lines is hidden already: the bottleneck is further away. Widen the
    // whole neighbourhood: any published cell on a line that has a hidden cell.
    const near: number[] = [];
    layout.lines.forEach((line, id) => {
      if (state.hiddenInLine[id]! > 0) near.push(...line.cells);
    });
    chosen = pick(near, false);
    if (chosen < 0) chosen = pick(near, true);
  }
  if (chosen < 0) return false;
  state.hide(chosen, SECONDARY);
  return true;
}
