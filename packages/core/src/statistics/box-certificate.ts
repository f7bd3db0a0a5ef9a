// Cheap proofs that a hidden cell is NOT pinned down, found before any linear programme is solved.
//
// A "box move" changes 2^D hidden cells at once and leaves every line sum as it was, so the table
// it produces agrees with everything published: along each dimension pick the cell's index and
// one other index q; the move is the tensor product of one vector per dimension, +1 at the cell's
// index and −1 at q (or +1 when one of the two is the line's total: "one more inside, one more in
// the total"). Every line then gains +1 and −1, or +1 inside and +1 in its total: unchanged.
// If all 2^D cells of the box are hidden, x + t·move is a table the attacker cannot rule out for
// every whole t that keeps each hidden cell at or above its least possible value; so the hidden
// cell provably takes the values x − down … x + up. These are INTEGER tables, so the proof holds
// against an attacker solving the integer programme, not just its relaxation. What boxes cannot
// prove is left to the simplex (interval-attack.solver.ts).
import type { CubeLayout } from './count-table.model.ts';

export interface BoxReach {
  /** How far the cell provably goes down from its true value, and up (Infinity: unbounded). */
  readonly down: number;
  readonly up: number;
}

/**
 * For each hidden cell in `cells`, the widest down/up reach proved by single box moves. `lower`
 * is the least value the attacker assumes for a hidden cell; the search for a cell stops once its
 * reach is `enough(cell)` wide.
 */
export function boxReach(
  layout: CubeLayout,
  values: readonly number[],
  hidden: Uint8Array,
  lower: (cell: number) => number,
  cells: readonly number[],
  enough: (cell: number) => number,
): Map<number, BoxReach> {
  const { shape, strides } = layout;
  const dims = shape.length;
  const out = new Map<number, BoxReach>();
  const coords = new Array<number>(dims);
  const partners: number[][] = Array.from({ length: dims }, () => []);
  const corners = 1 << dims;
  for (const cell of cells) {
    for (let d = 0; d < dims; d++) {
      coords[d] = Math.floor(cell / strides[d]!) % shape[d]!;
      // Partners along d: other indices whose cell on this cell's line along d is hidden (the box
      // needs it hidden anyway, so no other index can work).
      const list = partners[d]!;
      list.length = 0;
      const base = cell - coords[d]! * strides[d]!;
      for (let k = 0; k < shape[d]!; k++) if (k !== coords[d] && hidden[base + k * strides[d]!]) list.push(k);
    }
    let down = 0;
    let up = 0;
    const need = enough(cell);
    const q = new Array<number>(dims).fill(0);
    // Odometer over one partner per dimension.
    const counters = new Array<number>(dims).fill(0);
    if (partners.some((p) => p.length === 0)) {
      out.set(cell, { down, up });
      continue;
    }
    for (;;) {
      for (let d = 0; d < dims; d++) q[d] = partners[d]![counters[d]!]!;
      let lo = -Infinity;
      let hi = Infinity;
      let ok = true;
      for (let mask = 0; mask < corners && ok; mask++) {
        let c = 0;
        let sign = 1;
        for (let d = 0; d < dims; d++) {
          const atPartner = (mask >> d) & 1;
          c += (atPartner ? q[d]! : coords[d]!) * strides[d]!;
          // −1 at the partner index unless one of the pair is the total.
          if (atPartner && coords[d]! !== shape[d]! - 1 && q[d]! !== shape[d]! - 1) sign = -sign;
        }
        if (!hidden[c]) {
          ok = false;
          break;
        }
        const slack = values[c]! - lower(c);
        if (sign > 0) lo = Math.max(lo, -slack);
        else hi = Math.min(hi, slack);
      }
      if (ok) {
        if (-lo > down) down = -lo;
        if (hi > up) up = hi;
        if (down + up >= need) break;
      }
      let d = dims - 1;
      while (d >= 0 && ++counters[d]! >= partners[d]!.length) counters[d--] = 0;
      if (d < 0) break;
    }
    out.set(cell, { down, up });
  }
  return out;
}
