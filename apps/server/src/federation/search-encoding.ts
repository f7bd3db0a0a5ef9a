// Encoding this side's records under an agreement and comparing encodings (decision 0151), with
// the functions `link --private` uses (packages/core/src/pprl, decision 0132): the encode step runs
// here on clear records and keeps nothing but opaque references and bit vectors; the match step
// sees encodings only and scores them with the same Fellegi–Sunter model, thresholds and
// explanations. The model is estimated once per process, as `link --private` estimates it, on the
// encodings of the synthetic population the application's clear-text model is estimated on (one
// deployment's handful of records is far too few for EM), under a throwaway secret: the comparison
// levels of two encodings do not depend on which secret made them. Only the prior is then set for
// the size of the index searched.
import { randomBytes } from 'node:crypto';
import {
  buildTokenIndex,
  countBits,
  createEncoder,
  explainEncodedPair,
  linkEncoded,
  parseEncoded,
  RECORD_WORDS,
  SECRET_BYTES,
  serializeEncoded,
  trainEncodedModel,
  encodeRecords,
  type EncodedCollection,
  type MatchModel,
  type PersonRecord,
} from '@acompana/core';
import type { Keyring } from '../kernel/crypto/keyring.ts';
import { createCandidateSearch } from '../missing/search-candidates.ts';
import { decryptFields, foundSpec, reportSpec } from '../missing/missing-crypto.ts';
import { foundView, personView, reportView, toPersonRecord } from '../missing/missing-mapping.ts';
import { syntheticPopulation } from '../missing/reference-model.ts';
import type { Database } from '../kernel/db/database.ts';
import * as sq from './search.queries.ts';

/** Candidates kept per report and partner, as docs/federation.md §4 says. */
export const TOP = 10;

let reference: { model: MatchModel; matchesPerQuery: number } | undefined;
const POPULATION = 4000;

/** The encoded-linkage model, estimated on first use (about a second) and kept for the process. */
export function encodedReferenceModel(): { model: MatchModel; matchesPerQuery: number } {
  if (!reference) {
    const { population, queries } = syntheticPopulation(POPULATION, 1200, 20260601);
    const secret = randomBytes(SECRET_BYTES);
    const P = countBits(encodeRecords(population, { secret, ownerKey: randomBytes(SECRET_BYTES) }));
    const Q = countBits(encodeRecords(queries, { secret, ownerKey: randomBytes(SECRET_BYTES) }));
    const model = trainEncodedModel(Q, P, buildTokenIndex(P), false);
    reference = { model, matchesPerQuery: model.pairPrior * POPULATION };
  }
  return reference;
}

/** The model for a search over an index of `size` records (the prior spread over them). */
export function modelForIndex(size: number): MatchModel {
  const { model, matchesPerQuery } = encodedReferenceModel();
  return { ...model, pairPrior: Math.min(0.5, Math.max(1e-9, Math.min(matchesPerQuery, 1) / Math.max(size, 50))) };
}

/** One record of a collection as its own collection (each is stored and removed on its own). */
export function splitEncoded(c: EncodedCollection): EncodedCollection[] {
  const out: EncodedCollection[] = [];
  for (let i = 0; i < c.size; i++) {
    const from = c.tokenStart[i] as number;
    const to = c.tokenStart[i + 1] as number;
    out.push({
      size: 1,
      refs: [c.refs[i] as string],
      words: c.words.slice(i * RECORD_WORDS, (i + 1) * RECORD_WORDS),
      tokenStart: Uint32Array.of(0, to - from),
      tokens: c.tokens.slice(from, to),
      tokenKinds: c.tokenKinds.slice(from, to),
    });
  }
  return out;
}

export function joinEncoded(parts: readonly EncodedCollection[]): EncodedCollection {
  const size = parts.reduce((n, p) => n + p.size, 0);
  const tokenCount = parts.reduce((n, p) => n + p.tokens.length, 0);
  const words = new Uint32Array(size * RECORD_WORDS);
  const tokenStart = new Uint32Array(size + 1);
  const tokens = new Uint32Array(tokenCount);
  const tokenKinds = new Uint8Array(tokenCount);
  const refs: string[] = [];
  let record = 0;
  let token = 0;
  for (const p of parts) {
    words.set(p.words, record * RECORD_WORDS);
    tokens.set(p.tokens, token);
    tokenKinds.set(p.tokenKinds, token);
    for (let i = 0; i < p.size; i++) {
      tokenStart[record + i] = token + (p.tokenStart[i] as number);
      refs.push(p.refs[i] as string);
    }
    record += p.size;
    token += p.tokens.length;
    tokenStart[record] = token;
  }
  return { size, refs, words, tokenStart, tokens, tokenKinds };
}

export const EMPTY: EncodedCollection = joinEncoded([]);

/** A compared pair: opaque references, score, and per-field levels with reasons without values. */
export interface EncodedCandidate {
  reportRef: string;
  recordRef: string;
  score: number;
  decision: 'match' | 'possible';
  explanation: {
    totalWeight: number;
    namesRearranged: boolean;
    fields: { field: string; level: number; weight: number; reason: { es: string; en: string } }[];
  };
}

/** The match step: each encoded report against the encoded records, best TOP per report. */
export function compareEncodings(
  reports: EncodedCollection,
  records: EncodedCollection,
  indexSize: number,
): EncodedCandidate[] {
  if (reports.size === 0 || records.size === 0) return [];
  const model = modelForIndex(indexSize);
  const rows = linkEncoded(reports, records, { model, top: TOP });
  const L = countBits(reports);
  const R = countBits(records);
  return rows.map((row) => {
    const es = explainEncodedPair(model, L, row.leftIndex, R, row.rightIndex, 'es');
    const en = explainEncodedPair(model, L, row.leftIndex, R, row.rightIndex, 'en');
    return {
      reportRef: row.leftRef,
      recordRef: row.rightRef,
      score: Math.min(1, Math.max(0, row.score)),
      decision: row.decision,
      explanation: {
        totalWeight: es.totalWeight,
        namesRearranged: es.namesRearranged,
        fields: es.fields.map((f, i) => ({
          field: f.field,
          level: f.level,
          weight: f.weight,
          reason: { es: f.reason, en: en.fields[i]?.reason ?? f.reason },
        })),
      },
    };
  });
}

export interface EncodedRecord {
  kind: sq.RecordKind;
  recordId: string;
  version: number;
  ref: string;
  /** The record's encoding alone, in wire form. */
  wire: Buffer;
}

/**
 * The encode step on this side: reads the records (decrypting them here, and only here), maps
 * them to the engine's person record, and encodes them under the agreement's secret and this
 * side's own key. Returns each record's encoding and the whole collection.
 */
export async function encodeLocalRecords(
  deps: { db: Database; keyring: Keyring },
  keys: { secret: Buffer; ownerKey: Buffer },
  kind: sq.RecordKind,
  ids: readonly string[],
): Promise<{ records: EncodedRecord[]; collection: EncodedCollection }> {
  const { db, keyring } = deps;
  const clear: { record: PersonRecord; id: string; version: number }[] = [];
  if (kind === 'missing_report') {
    for (const row of await sq.reportsForEncoding(db, ids)) {
      const data = await decryptFields(keyring, reportSpec, row.org_id, row);
      clear.push({ record: toPersonRecord(reportView(row, data)), id: row.id, version: Number(row.version) });
    }
  } else if (kind === 'found_record') {
    for (const row of await sq.foundForEncoding(db, ids)) {
      const data = await decryptFields(keyring, foundSpec, row.org_id, row);
      clear.push({ record: toPersonRecord(foundView(row, data)), id: row.id, version: Number(row.version) });
    }
  } else {
    const { decryptPerson } = createCandidateSearch({ db, keyring });
    for (const row of await sq.peopleForEncoding(db, ids)) {
      const data = await decryptPerson(row, ['given_names', 'surnames', 'aliases', 'birth_date', 'origin']);
      clear.push({ record: toPersonRecord(personView(row, data, false)), id: row.id, version: Number(row.version) });
    }
  }
  const encoder = createEncoder({ secret: keys.secret, ownerKey: keys.ownerKey });
  for (const c of clear) encoder.add(c.record);
  const collection = encoder.finish();
  const singles = splitEncoded(collection);
  return {
    collection,
    records: clear.map((c, i) => ({
      kind,
      recordId: c.id,
      version: c.version,
      ref: collection.refs[i] as string,
      wire: serializeEncoded(singles[i] as EncodedCollection),
    })),
  };
}

/** Stored encodings (each a one-record wire form) back into one collection. */
export function collectionOf(wires: readonly Buffer[]): EncodedCollection {
  return joinEncoded(wires.map((w) => parseEncoded(w)));
}
