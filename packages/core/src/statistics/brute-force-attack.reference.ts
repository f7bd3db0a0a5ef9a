// An attacker written independently of the engine, for tests only: on a small 2-D table it
// enumerates every filling of the hidden inner cells by whole numbers that agrees with everything
// published (hidden totals follow from the inner cells), and records the values each hidden cell
// takes. It shares nothing with the simplex solver, so agreement between the two is evidence.

export interface BruteForceInput {
  readonly rows: number;
  readonly cols: number;
  /** (rows + 1) × (cols + 1) true values, row-major, totals last. */
  readonly values: readonly number[];
  readonly hidden: readonly boolean[];
  /** Least value the attacker assumes for a hidden cell. */
  readonly lowerBound: (cell: number) => number;
  /** Stop looking upward past this value for a cell no published total bounds. */
  readonly openCap: (cell: number) => number;
  /** Give up (return undefined) after this many search nodes. */
  readonly budget?: number;
}

export interface Range {
  min: number;
  max: number;
}

export function bruteForceRanges(input: BruteForceInput): Map<number, Range> | undefined {
  const { rows, cols, values, hidden } = input;
  const w = cols + 1;
  const at = (i: number, j: number): number => i * w + j;
  const rowTotal = (i: number): number | undefined => (hidden[at(i, cols)] ? undefined : values[at(i, cols)]);
  const colTotal = (j: number): number | undefined => (hidden[at(rows, j)] ? undefined : values[at(rows, j)]);
  const grand = hidden[at(rows, cols)] ? undefined : values[at(rows, cols)];
  const grid = new Array<number>(values.length).fill(0);
  const ranges = new Map<number, Range>();
  for (let c = 0; c < values.length; c++) if (hidden[c]) ranges.set(c, { min: Infinity, max: -Infinity });
  let nodes = 0;
  const budget = input.budget ?? 5_000_000;
  const rowSum = new Array<number>(rows).fill(0);
  const colSum = new Array<number>(cols).fill(0);
  let total = 0;

  const record = (): void => {
    for (let i = 0; i <= rows; i++) {
      for (let j = 0; j <= cols; j++) {
        const c = at(i, j);
        let v: number;
        if (i < rows && j < cols) v = grid[c]!;
        else if (i < rows) v = rowSum[i]!;
        else if (j < cols) v = colSum[j]!;
        else v = total;
        if (hidden[c] && v < input.lowerBound(c)) return; // a hidden total the attacker knows is ≥ 1
        grid[c] = v;
      }
    }
    for (const [c, r] of ranges) {
      const v = grid[c]!;
      if (v < r.min) r.min = v;
      if (v > r.max) r.max = v;
    }
  };

  const visit = (k: number): boolean => {
    if (++nodes > budget) return false;
    if (k === rows * cols) {
      for (let j = 0; j < cols; j++) if (colTotal(j) !== undefined && colSum[j] !== colTotal(j)) return true;
      if (grand !== undefined && total !== grand) return true;
      record();
      return true;
    }
    const i = Math.floor(k / cols);
    const j = k % cols;
    const c = at(i, j);
    const choices: number[] = [];
    if (!hidden[c]) choices.push(values[c]!);
    else {
      let cap = input.openCap(c);
      const rt = rowTotal(i);
      if (rt !== undefined) cap = Math.min(cap, rt - rowSum[i]!);
      const ct = colTotal(j);
      if (ct !== undefined) cap = Math.min(cap, ct - colSum[j]!);
      if (grand !== undefined) cap = Math.min(cap, grand - total);
      for (let v = input.lowerBound(c); v <= cap; v++) choices.push(v);
    }
    for (const v of choices) {
      grid[c] = v;
      rowSum[i]! += v;
      colSum[j]! += v;
      total += v;
      const ct = colTotal(j);
      const rt = rowTotal(i);
      const ok =
        (ct === undefined || colSum[j]! <= ct) &&
        (rt === undefined || (j === cols - 1 ? rowSum[i] === rt : rowSum[i]! <= rt));
      const alive = ok ? visit(k + 1) : true;
      rowSum[i]! -= v;
      colSum[j]! -= v;
      total -= v;
      if (!alive) return false;
    }
    return true;
  };
  return visit(0) ? ranges : undefined;
}
