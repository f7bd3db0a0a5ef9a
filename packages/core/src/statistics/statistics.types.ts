// Types of the statistical disclosure control engine (decision 0106).

/** Why a cell is hidden: its own count is small (primary) or it would give a small one away (secondary). */
export type SuppressionReason = 'primary' | 'secondary';

export interface SuppressedCell {
  readonly suppressed: true;
  readonly reason: SuppressionReason;
}

/** A published count, or the marker of a hidden one. Published counts are never altered. */
export type SafeCell = number | SuppressedCell;

export interface DimensionSpec {
  /** Column header, e.g. "Tipo de acto". */
  readonly name: string;
  /** Category labels in order; the engine adds the total after the last one. */
  readonly categories: readonly string[];
  /** HXL hashtag of the column, e.g. "#adm1+name"; see hxl-csv.export.ts for the default. */
  readonly hxl?: string;
}

/** Counts of a 1-, 2- or 3-dimensional table as nested arrays, first dimension outermost. */
export type NestedCounts =
  readonly number[] | readonly (readonly number[])[] | readonly (readonly (readonly number[])[])[];

export interface CountTableInput {
  readonly dimensions: readonly DimensionSpec[];
  readonly counts: NestedCounts;
  /**
   * When true, `counts` already carries a total as the last entry of every dimension (row totals,
   * column totals, grand total). They must add up: non-additive totals are refused.
   */
  readonly marginsGiven?: boolean;
}

export interface SuppressionOptions {
  /** Minimum published cell size: 0 < count < threshold is hidden. Default 5, never below 3. */
  readonly threshold?: number;
  /**
   * Minimum width of the interval an attacker can compute for a primary cell from everything
   * published. Default: the threshold, so a hidden 2 cannot be narrowed to "1 to 3".
   */
  readonly protectionLevel?: number;
  /**
   * 'publish' (default): a zero is published. 'suppress': zeros are treated as sensitive
   * (sampling zeros that say "nobody in this group", e.g. a group disclosure).
   */
  readonly zeros?: 'publish' | 'suppress';
  /**
   * Run the interval attack on tables small enough for it to be fast (LP_AUDIT_MAX_CELLS) and add
   * suppressions until it fails (default true). Without it, or on a larger table, every sensitive
   * cell is protected by a hypercube box, itself the proof (hypercube.heuristic.ts).
   */
  readonly verify?: boolean;
  /**
   * Cells (flat indices over the shape, margins included) that must be hidden whatever their
   * count: the hidden cells of earlier releases of an overlapping period, so a revision never
   * publishes what an earlier release hid (decision 0127). They need the width of a secondary cell.
   */
  readonly forceHidden?: readonly number[];
}

export interface InformationLoss {
  /** Inner cells (not totals) hidden. */
  readonly innerCellsSuppressed: number;
  /** Share of inner cells hidden, 0..1. */
  readonly innerCellShare: number;
  /** Sum of the hidden inner counts over the grand total, 0..1. INTERNAL: never publish it. */
  readonly hiddenCountShare: number;
}

/** What the engine did. For the publisher's eyes: `informationLoss.hiddenCountShare` must not be published. */
export interface SuppressionReport {
  readonly threshold: number;
  readonly protectionLevel: number;
  readonly zeros: 'publish' | 'suppress';
  readonly cells: number;
  readonly primary: number;
  readonly secondary: number;
  /** Share of all cells (totals included) hidden, 0..1. */
  readonly suppressedShare: number;
  readonly informationLoss: InformationLoss;
  /**
   * 'box': every hidden cell lies on a hypercube box that proves it wide enough (integer moves);
   * 'lp': that, and the interval attack was also run and failed on every hidden cell;
   * 'skipped': no engine run (an empty table).
   */
  readonly verification: 'lp' | 'box' | 'skipped';
  /** Rounds of (line rule, attack, extra suppression) until stable; 1 when nothing had to be widened. */
  readonly rounds: number;
}

export interface SafeTable {
  readonly dimensions: readonly DimensionSpec[];
  /** Categories per dimension plus one for the total: index `categories.length` is the total. */
  readonly shape: readonly number[];
  /** Row-major over `shape` (last dimension fastest), totals included. */
  readonly cells: readonly SafeCell[];
  readonly report: SuppressionReport;
}
