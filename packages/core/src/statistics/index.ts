// Statistical disclosure control: public surface (decision 0106).
export {
  suppressCounts,
  safeCellAt,
  isSuppressed,
  cellCoordinates,
  DEFAULT_THRESHOLD,
  MIN_THRESHOLD,
} from './suppression.service.ts';
export { attackIntervals, type CellInterval } from './interval-attack.solver.ts';
export { SimplexIterationLimitError, MAX_PIVOTS } from './simplex-bounds.solver.ts';
export {
  revisionWeakCells,
  type RevisionAttackInput,
  type ReleasedTable,
  type WeakCell,
} from './revision-attack.solver.ts';
export { protectRelease, type EarlierRelease, type ProtectedRelease } from './release-protection.ts';
export { buildLayout, coordsOf, type CubeLayout } from './count-table.model.ts';
export { toHxlCsv, csvField, neutraliseFormula, NOTE_HASHTAG, type HxlCsvOptions } from './hxl-csv.export.ts';
export {
  toMonth,
  toQuarter,
  toAgeGroup,
  toStateLevel,
  pcodeToAdm1,
  AGE_GROUPS,
  type AgeGroup,
  type Place,
} from './coarsening.util.ts';
export { StatisticsError, isStatisticsError, type StatisticsErrorCode } from './statistics.errors.ts';
export type {
  CountTableInput,
  DimensionSpec,
  InformationLoss,
  NestedCounts,
  SafeCell,
  SafeTable,
  SuppressedCell,
  SuppressionOptions,
  SuppressionReason,
  SuppressionReport,
} from './statistics.types.ts';
