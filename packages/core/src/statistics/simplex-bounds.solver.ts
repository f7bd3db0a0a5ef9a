// A small dense simplex that answers one question many times: over {x ≥ 0 : A·x = b}, how far can
// one variable go up and down? Phase 1 runs once; every later objective starts from the basis the
// previous one ended in (warm start), which is what keeps hundreds of extreme-value questions on
// one table cheap. Written here rather than imported: the sizes are small (a few hundred hidden
// cells, a few dozen lines) and the repository takes no dependency for it.
//
// Pivoting is Dantzig's rule (steepest reduced cost), switching to Bland's rule during long runs of
// degenerate pivots: the tables' constraint matrices are highly degenerate and Bland's rule is what
// guarantees the method terminates.

const EPS = 1e-9;
const DEGENERATE_STREAK_BEFORE_BLAND = 12;
/**
 * Pivots allowed per optimisation. Bland's rule guarantees termination, but a malformed region (or
 * floating-point cycling) must end with a clear error, never hang a request or a job.
 */
export const MAX_PIVOTS = 200_000;

export class SimplexIterationLimitError extends Error {
  readonly code = 'SIMPLEX_ITERATION_LIMIT';
  constructor(readonly pivots: number) {
    super(`simplex stopped after ${pivots} pivots without reaching an optimum (limit MAX_PIVOTS)`);
    this.name = 'SimplexIterationLimitError';
  }
}

export class FeasibleRegion {
  readonly variables: number;
  private rows: Float64Array[];
  private basis: number[];
  private width: number;

  /** `a` rows over `n` variables; the region must not be empty (the true table is in it). */
  constructor(
    a: readonly (readonly number[])[],
    b: readonly number[],
    n: number,
    private readonly maxPivots: number = MAX_PIVOTS,
  ) {
    this.variables = n;
    const m = a.length;
    // Phase-1 tableau: original columns, one artificial per row, right-hand side.
    const width = n + m + 1;
    const rows: Float64Array[] = [];
    for (let i = 0; i < m; i++) {
      const row = new Float64Array(width);
      const sign = b[i]! < 0 ? -1 : 1;
      const coeffs = a[i]!;
      for (let j = 0; j < n; j++) row[j] = sign * coeffs[j]!;
      row[n + i] = 1;
      row[width - 1] = sign * b[i]!;
      rows.push(row);
    }
    this.rows = rows;
    this.width = width;
    this.basis = Array.from({ length: m }, (_, i) => n + i);
    const cost = new Float64Array(width);
    for (let i = 0; i < m; i++) cost[n + i] = 1;
    this.optimise(cost, n + m);
    if (this.objectiveValue(cost) > 1e-6)
      throw new Error('FeasibleRegion: the constraints have no non-negative solution');
    this.dropArtificials(n);
  }

  /** Current vertex (values of the n variables). */
  point(): Float64Array {
    const x = new Float64Array(this.variables);
    const rhs = this.width - 1;
    this.basis.forEach((j, i) => {
      x[j] = this.rows[i]![rhs]!;
    });
    return x;
  }

  /** Largest (or smallest) value of variable j over the region; Infinity when unbounded. */
  extreme(j: number, sense: 'max' | 'min'): number {
    const cost = new Float64Array(this.width);
    cost[j] = sense === 'max' ? -1 : 1;
    const bounded = this.optimise(cost, this.variables);
    if (!bounded) return Infinity;
    return this.point()[j]!;
  }

  private objectiveValue(cost: Float64Array): number {
    const rhs = this.width - 1;
    let z = 0;
    this.basis.forEach((j, i) => {
      z += cost[j]! * this.rows[i]![rhs]!;
    });
    return z;
  }

  /** Minimises cost·x over the first `columns` columns. Returns false when unbounded below. */
  private optimise(cost: Float64Array, columns: number): boolean {
    const rhs = this.width - 1;
    // Reduced costs: cost minus the basic costs times the tableau rows.
    const reduced = Float64Array.from(cost);
    this.basis.forEach((j, i) => {
      const c = cost[j]!;
      if (c === 0) return;
      const row = this.rows[i]!;
      for (let k = 0; k < this.width; k++) reduced[k]! -= c * row[k]!;
    });
    let degenerateStreak = 0;
    for (let pivots = 0; ; pivots++) {
      if (pivots >= this.maxPivots) throw new SimplexIterationLimitError(pivots);
      const bland = degenerateStreak >= DEGENERATE_STREAK_BEFORE_BLAND;
      let entering = -1;
      let best = -EPS;
      for (let k = 0; k < columns; k++) {
        const r = reduced[k]!;
        if (r < best) {
          entering = k;
          if (bland) break;
          best = r;
        }
      }
      if (entering < 0) return true;
      let leaving = -1;
      let ratio = Infinity;
      for (let i = 0; i < this.rows.length; i++) {
        const a = this.rows[i]![entering]!;
        if (a <= EPS) continue;
        const q = this.rows[i]![rhs]! / a;
        if (q < ratio - EPS || (q <= ratio + EPS && leaving >= 0 && this.basis[i]! < this.basis[leaving]!)) {
          ratio = q;
          leaving = i;
        }
      }
      if (leaving < 0) return false;
      degenerateStreak = ratio <= EPS ? degenerateStreak + 1 : 0;
      this.pivot(leaving, entering, reduced);
    }
  }

  private pivot(r: number, c: number, reduced: Float64Array): void {
    const pivotRow = this.rows[r]!;
    const p = pivotRow[c]!;
    for (let k = 0; k < this.width; k++) pivotRow[k]! /= p;
    const eliminate = (row: Float64Array): void => {
      const f = row[c]!;
      if (f === 0) return;
      for (let k = 0; k < this.width; k++) {
        const v = row[k]! - f * pivotRow[k]!;
        row[k] = Math.abs(v) < 1e-12 ? 0 : v;
      }
    };
    for (let i = 0; i < this.rows.length; i++) if (i !== r) eliminate(this.rows[i]!);
    eliminate(reduced);
    this.basis[r] = c;
  }

  /** Pivots artificials out of the basis; a row where that is impossible is redundant and goes. */
  private dropArtificials(n: number): void {
    const unused = new Float64Array(this.width);
    for (let i = this.rows.length - 1; i >= 0; i--) {
      if (this.basis[i]! < n) continue;
      const row = this.rows[i]!;
      let k = 0;
      while (k < n && Math.abs(row[k]!) <= EPS) k++;
      if (k < n) this.pivot(i, k, unused);
      else {
        this.rows.splice(i, 1);
        this.basis.splice(i, 1);
      }
    }
    const rhs = this.width - 1;
    this.rows = this.rows.map((row) => {
      const out = new Float64Array(n + 1);
      out.set(row.subarray(0, n));
      out[n] = row[rhs]!;
      return out;
    });
    this.width = n + 1;
  }
}
