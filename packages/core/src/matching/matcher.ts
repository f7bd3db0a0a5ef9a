// Interactive use by the application: one collection held in memory (blocking index + model),
// searched one person at a time, with an explanation of every candidate for the review screen.
import { buildBlockingIndex, type BlockingIndex } from './blocking.ts';
import { compareRecords, FIELD_COUNT, type NameAgreement } from './comparison-vector.ts';
import {
  explainLevels,
  probabilityFromWeight,
  totalWeight,
  type FieldExplanation,
  type MatchModel,
} from './fellegi-sunter.ts';
import {
  createScratch,
  prepareRecords,
  scoreQuery,
  trainModel,
  type MatchDecision,
  type QueryScratch,
} from './linker.ts';
import type { PersonRecord, PreparedRecord } from './person-record.types.ts';
import { prepareRecord } from './record-prepare.ts';

/** Why two records are (or are not) the same person, field by field. */
export interface PairExplanation {
  score: number;
  decision: MatchDecision | 'no match';
  /** Sum of field weights in bits, before the prior. */
  totalWeight: number;
  /** True when the names agreed best read swapped or split (given names ↔ surnames). */
  namesRearranged: boolean;
  fields: FieldExplanation[];
}

export interface SearchHit extends PairExplanation {
  id: string;
  /** Position of the record in the collection given to `createMatcher`. */
  index: number;
}

export interface Matcher {
  readonly model: MatchModel;
  readonly size: number;
  /** Best candidates for one person, best first (at most `top`, default 10). */
  search(query: PersonRecord, options?: { top?: number }): SearchHit[];
  /** Compares two records with the matcher's model. */
  explain(a: PersonRecord, b: PersonRecord): PairExplanation;
}

export interface MatcherOptions {
  /** A model estimated earlier (e.g. stored with the collection); estimated from the data otherwise. */
  model?: MatchModel;
  /**
   * Records of the kind that will be searched (e.g. family reports), to estimate a linking model
   * between them and the collection. Without them the model is estimated for duplicates within it.
   */
  trainingQueries?: readonly PersonRecord[];
}

function explainPrepared(
  model: MatchModel,
  a: PreparedRecord,
  b: PreparedRecord,
  levels: Uint8Array,
  names: NameAgreement,
): PairExplanation {
  compareRecords(a, b, levels, names);
  const weight = totalWeight(model, levels, names);
  const score = probabilityFromWeight(model, weight);
  return {
    score,
    decision: score >= model.matchThreshold ? 'match' : score >= model.possibleThreshold ? 'possible' : 'no match',
    totalWeight: Math.round(weight * 100) / 100,
    namesRearranged: names.rearranged,
    fields: explainLevels(model, levels, names),
  };
}

/** Builds a matcher over a collection: prepares records, indexes them and estimates the model. */
export function createMatcher(records: readonly PersonRecord[], options: MatcherOptions = {}): Matcher {
  const prepared = prepareRecords(records);
  const index: BlockingIndex = buildBlockingIndex(prepared);
  const queries = options.trainingQueries ? prepareRecords(options.trainingQueries) : null;
  const model =
    options.model ??
    (queries ? trainModel(queries, prepared, index, false) : trainModel(prepared, prepared, index, true));
  const scratch: QueryScratch = createScratch(prepared.length);
  const levels = new Uint8Array(FIELD_COUNT);
  const names: NameAgreement = {
    givenValue: '',
    surnameValue: '',
    givenFull: false,
    surnameFull: false,
    rearranged: false,
  };
  return {
    model,
    size: prepared.length,
    search(query, opts = {}) {
      const q = prepareRecord(query, -1);
      const best = scoreQuery(model, index, prepared, q, opts.top ?? 10, scratch);
      return best.map((b) => {
        const r = prepared[b.index] as PreparedRecord;
        return { id: r.id, index: b.index, ...explainPrepared(model, q, r, levels, names) };
      });
    },
    explain(a, b) {
      return explainPrepared(model, prepareRecord(a, -1), prepareRecord(b, -2), levels, names);
    },
  };
}
