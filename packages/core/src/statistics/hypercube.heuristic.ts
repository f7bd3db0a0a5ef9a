// Secondary suppression by the hypercube method (Repsilber; τ-ARGUS "HYPERCUBE"), on the cube with
// its margins (count-table.model.ts). Each sensitive cell is protected by ONE box: along every
// dimension the cell's own index and one partner index (a category or the total), 2^D corners in
// all, every corner hidden. The box is also a move that keeps every published sum (box-certificate.ts
// explains why): the cell and its corners shift together by any whole t that keeps each corner at
// or above the least value the attacker assumes. A box is chosen only if that range is at least
// the protection level wide, so the box IS the proof that the cell cannot be narrowed further, for
// an attacker solving the integer programme too; hiding more cells later only removes published
// equations, so the proof survives every other box. No linear programme is needed.
//
// A margin cell (e.g. state × month, summed over sex) is protected the same way: its partner along
// the summed dimension is a category, so its box is the 2-D box in the plane of margins plus the
// same box in one slice of the table (the lower-dimensional table and the table under it, kept
// consistent). Among the boxes wide enough the cheapest wins: the fewest and smallest cells not yet
// hidden. A published zero is never a corner: an attacker who knows it is a structural zero would
// rule the move out (with zeros suppressed every zero is sensitive and hidden anyway).
import { PUBLISHED, SECONDARY } from './secondary-suppression.heuristic.ts';
import type { SuppressionState } from './secondary-suppression.heuristic.ts';

export interface BoxOptions {
  readonly protectionLevel: number;
  /** Least value the attacker assumes for a hidden cell (1 when zeros are published, else 0). */
  readonly lowerBound: (cell: number) => number;
  /** Whether a cell may be a corner (not a published zero). */
  readonly usable: (cell: number) => boolean;
  /** Cost of hiding one more cell on top of its count: favours fewer cells over smaller counts. */
  readonly cellCost: number;
}

export interface ChosenBox {
  readonly cell: number;
  /** The 2^D corners, the cell first. */
  readonly corners: readonly number[];
  /** How far the box move provably takes the cell down and up (Infinity: unbounded). */
  readonly down: number;
  readonly up: number;
}

/**
 * Protects each cell of `cells` (already hidden as primary) with the cheapest box wide enough and
 * hides its corners as secondary. Returns the box of every cell: its certificate.
 */
export function protectWithBoxes(state: SuppressionState, cells: readonly number[], options: BoxOptions): ChosenBox[] {
  const { layout, values, status } = state;
  const { shape, strides, cellCount } = layout;
  const dims = shape.length;
  const corners = 1 << dims;
  const usable = new Uint8Array(cellCount);
  const slack = new Float64Array(cellCount);
  for (let c = 0; c < cellCount; c++) {
    usable[c] = options.usable(c) ? 1 : 0;
    slack[c] = values[c]! - options.lowerBound(c);
  }
  const price = (c: number): number => (status[c] === PUBLISHED ? values[c]! + options.cellCost : 0);
  const boxes: ChosenBox[] = [];
  const coords = new Array<number>(dims);
  const partners: number[][] = Array.from({ length: dims }, () => []);
  const edgeCost: number[][] = Array.from({ length: dims }, () => []);
  const q = new Array<number>(dims);
  const cornerCells = new Array<number>(corners);
  let cell = 0;
  let best: ChosenBox | null = null;
  let bestCost = Infinity;
  let bestWidth = -1;

  const evaluate = (): void => {
    let cost = 0;
    let down = Infinity;
    let up = Infinity;
    for (let mask = 0; mask < corners; mask++) {
      let c = 0;
      let sign = 1;
      for (let d = 0; d < dims; d++) {
        if ((mask >> d) & 1) {
          c += q[d]! * strides[d]!;
          // −1 at the partner unless one of the pair is the line's total (then both grow).
          if (coords[d]! !== shape[d]! - 1 && q[d]! !== shape[d]! - 1) sign = -sign;
        } else c += coords[d]! * strides[d]!;
      }
      if (!usable[c] && c !== cell) return;
      cost += price(c);
      if (cost > bestCost) return;
      if (sign > 0) down = Math.min(down, slack[c]!);
      else up = Math.min(up, slack[c]!);
      cornerCells[mask] = c;
    }
    const width = down + up;
    if (width >= options.protectionLevel && (cost < bestCost || width > bestWidth)) {
      best = { cell, corners: cornerCells.slice(), down, up };
      bestCost = cost;
      bestWidth = width;
    }
  };
  // One partner per dimension, cheapest edges first. The 2^D corners include the D "edges" (the
  // cell with one coordinate moved to its partner), so their summed cost is a lower bound of the
  // box's: once it passes the best box so far, no later partner of that dimension can win.
  const search = (d: number, edges: number): void => {
    if (d === dims) {
      evaluate();
      return;
    }
    const list = partners[d]!;
    const costs = edgeCost[d]!;
    for (let i = 0; i < list.length; i++) {
      if (edges + costs[i]! > bestCost) return;
      if (best !== null && bestCost === 0 && bestWidth >= options.protectionLevel) return; // nothing can be cheaper
      q[d] = list[i]!;
      search(d + 1, edges + costs[i]!);
    }
  };

  for (cell of cells) {
    for (let d = 0; d < dims; d++) {
      coords[d] = Math.floor(cell / strides[d]!) % shape[d]!;
      const base = cell - coords[d]! * strides[d]!;
      // Partners that cannot give a box: an unusable cell on the line, or (for a pair of
      // categories, where the edge moves against the cell) one whose slack and the cell's own
      // cannot add up to the protection level, since they bound the box's down and up.
      const found: number[] = [];
      const at = (k: number): number => base + k * strides[d]!;
      const pairTotal = coords[d] === shape[d]! - 1;
      for (let k = 0; k < shape[d]!; k++) {
        if (k === coords[d] || !usable[at(k)]) continue;
        if (!pairTotal && k !== shape[d]! - 1 && slack[cell]! + slack[at(k)]! < options.protectionLevel) continue;
        found.push(k);
      }
      // Cheapest first; among equals the most room first (a wide box is found sooner).
      const costs = found.map((k) => price(at(k)));
      const order = found
        .map((_, i) => i)
        .sort((i, j) => costs[i]! - costs[j]! || slack[at(found[j]!)]! - slack[at(found[i]!)]! || i - j);
      partners[d] = order.map((i) => found[i]!);
      edgeCost[d] = order.map((i) => costs[i]!);
    }
    best = null;
    bestCost = Infinity;
    bestWidth = -1;
    search(0, 0);
    // The box of the cell and all its totals always qualifies (every corner grows, no upper
    // limit), so this only fires on a bug, and then nothing unsafe is published.
    const chosen = best as ChosenBox | null;
    if (!chosen) throw new Error(`hypercube: no box protects cell ${cell}`);
    for (const c of chosen.corners) state.hide(c, SECONDARY);
    boxes.push(chosen);
  }
  return boxes;
}
