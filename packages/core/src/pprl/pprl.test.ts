import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { foldText } from '../matching/text-normalise.ts';
import type { PersonRecord } from '../matching/person-record.types.ts';
import { andCount, dice, diceOf, popcount, popcount32 } from './bits.ts';
import { encodeRecords, type EncodedCollection } from './encode.ts';
import { RECORD_WORDS } from './layout.ts';
import { countBits } from './compare.ts';
import { linkEncoded, trainEncodedModel } from './link.ts';
import { explainEncodedPair } from './reasons.ts';
import { buildTokenIndex } from './token-index.ts';
import { EncodedFormatError, parseEncoded, serializeEncoded } from './wire.ts';

const people: PersonRecord[] = [
  {
    id: 'case-0001',
    givenNames: 'Kevin Josué',
    surnames: 'Xicará Tzul',
    sex: 'M',
    birthDate: '2004-03-17',
    nationality: 'GT',
    originPlace: 'Totonicapán',
    documentId: '2871 45120 0801',
    address: 'Aldea Chuicruz, cantón Xantún',
    eventDate: '2023-06-02',
    eventPlace: 'Altar, Sonora',
  },
  {
    id: 'case-0002',
    givenNames: 'María Guadalupe',
    surnames: 'Hernández Sic',
    sex: 'F',
    ageMin: 30,
    ageMax: 40,
    eventDate: '2024-01-10',
  },
];

function readFixture(name: string): PersonRecord[] {
  const text = readFileSync(new URL(`../../../../tests/fixtures/linkage/${name}`, import.meta.url), 'utf8');
  const [header, ...lines] = text.trim().split('\n');
  const cols = (header as string).split(',');
  return lines.map((line) => {
    // The fixtures quote only event_place ("Town, State"): split on commas outside quotes.
    const cells = line.match(/("([^"]*)"|[^,]*)(,|$)/g)?.map((c) => c.replace(/,$/, '').replace(/^"|"$/g, '')) ?? [];
    const get = (name: string): string => cells[cols.indexOf(name)] ?? '';
    const age = (name: string): number | null => (get(name) ? Number(get(name)) : null);
    return {
      id: get('id'),
      givenNames: get('given_names'),
      surnames: get('surnames'),
      sex: get('sex') as PersonRecord['sex'],
      birthDate: get('birth_date'),
      ageMin: age('age_min'),
      ageMax: age('age_max'),
      nationality: get('nationality'),
      originPlace: get('origin_place'),
      documentId: get('document_id'),
      eventDate: get('event_date'),
      eventPlace: get('event_place'),
    };
  });
}

const same = (a: EncodedCollection, b: EncodedCollection): boolean =>
  Buffer.compare(serializeEncoded(a), serializeEncoded(b)) === 0;

describe('bit counting and Dice', () => {
  it('counts bits of every 32-bit pattern like a naive loop', () => {
    const naive = (x: number): number => {
      let n = 0;
      for (let i = 0; i < 32; i++) n += (x >>> i) & 1;
      return n;
    };
    for (const x of [0, 1, 0x80000000, 0xffffffff, 0xaaaaaaaa, 0x12345678, 0xdeadbeef])
      assert.equal(popcount32(x), naive(x));
    for (let i = 0; i < 2000; i++) {
      const x = (Math.random() * 2 ** 32) >>> 0;
      assert.equal(popcount32(x), naive(x));
    }
  });

  it('computes Dice = 2|A∩B| / (|A|+|B|) on word vectors', () => {
    const a = new Uint32Array([0b1111, 0, 0xffffffff]);
    const b = new Uint32Array([0b0011, 1, 0xffff0000]);
    assert.equal(popcount(a, 0, 3), 36);
    assert.equal(popcount(b, 0, 3), 19);
    assert.equal(andCount(a, 0, b, 0, 3), 18);
    assert.equal(diceOf(a, b), (2 * 18) / 55);
    assert.equal(diceOf(a, a), 1);
    assert.equal(diceOf(a, new Uint32Array(3)), 0);
    assert.equal(dice(0, 0, 0), 0);
  });
});

describe('encoding', () => {
  it('is deterministic under one secret and owner key, and different under another secret', () => {
    const secret = randomBytes(32);
    const ownerKey = randomBytes(32);
    const a = encodeRecords(people, { secret, ownerKey });
    const b = encodeRecords(people, { secret, ownerKey });
    assert.ok(same(a, b));
    assert.equal(a.words.length, people.length * RECORD_WORDS);
    const c = encodeRecords(people, { secret: randomBytes(32), ownerKey });
    assert.ok(diceOf(a.words.subarray(0, RECORD_WORDS), c.words.subarray(0, RECORD_WORDS)) < 0.5);
    assert.deepEqual(
      [...a.tokens].filter((t) => c.tokens.includes(t)),
      [],
      'no blocking token survives a change of secret',
    );
  });

  it('gives the partner references and noise it cannot reproduce: they depend on the owner key', () => {
    const secret = randomBytes(32);
    const a = encodeRecords(people, { secret, ownerKey: randomBytes(32) });
    const b = encodeRecords(people, { secret, ownerKey: randomBytes(32) });
    assert.notDeepEqual(a.refs, b.refs);
    assert.notDeepEqual(a.words, b.words);
    // …yet the same person still encodes alike (the noise is a few bits per filter).
    assert.ok(diceOf(a.words.subarray(0, RECORD_WORDS), b.words.subarray(0, RECORD_WORDS)) > 0.9);
  });

  it('contains no clear-text token of any field in what it sends', () => {
    const wire = serializeEncoded(encodeRecords(people, { secret: randomBytes(32), ownerKey: randomBytes(32) }));
    const text = wire.toString('latin1');
    const utf8 = wire.toString('utf8');
    for (const p of people) {
      const values = [
        p.id,
        p.givenNames,
        p.surnames,
        p.birthDate,
        p.originPlace,
        p.documentId,
        p.address,
        p.eventDate,
        p.eventPlace,
      ];
      for (const v of values) {
        if (!v) continue;
        const tokens = new Set([...v.split(/[\s,]+/), ...foldText(v).split(' '), v.replace(/\D/g, '')]);
        for (const t of tokens) {
          if (t.length < 4) continue;
          for (const form of [t, t.toLowerCase(), t.toUpperCase()]) {
            assert.ok(!text.includes(form) && !utf8.includes(form), `"${form}" appears in the encoding`);
          }
        }
      }
    }
  });

  it('refuses a truncated or foreign payload instead of reading part of it', () => {
    const wire = serializeEncoded(encodeRecords(people, { secret: randomBytes(32), ownerKey: randomBytes(32) }));
    assert.equal(parseEncoded(wire).size, 2);
    assert.throws(() => parseEncoded(wire.subarray(0, wire.length - 1)), EncodedFormatError);
    assert.throws(() => parseEncoded(Buffer.from('left_id,right_id\n')), EncodedFormatError);
  });
});

describe('linking on encodings alone', () => {
  it('links the fixture reports nearly as well as clear text, with scores in [0,1] best first', () => {
    const left = readFixture('migrants-left.csv');
    const right = readFixture('migrants-right.csv');
    const secret = randomBytes(32);
    const wireLeft = serializeEncoded(encodeRecords(left, { secret, ownerKey: randomBytes(32) }));
    const wireRight = serializeEncoded(encodeRecords(right, { secret, ownerKey: randomBytes(32) }));
    const rows = linkEncoded(parseEncoded(wireLeft), parseEncoded(wireRight), { top: 10 });
    const truth = new Set(
      readFileSync(new URL('../../../../tests/fixtures/linkage/migrants-truth.csv', import.meta.url), 'utf8')
        .trim()
        .split('\n')
        .slice(1)
        .map((l) => l.trim().replace(',', '|')),
    );
    let tp = 0;
    let predicted = 0;
    const listed = new Set<string>();
    for (const r of rows) {
      assert.ok(r.score >= 0 && r.score <= 1);
      const key = `${(left[r.leftIndex] as PersonRecord).id}|${(right[r.rightIndex] as PersonRecord).id}`;
      listed.add(key);
      if (r.decision === 'match') {
        predicted++;
        if (truth.has(key)) tp++;
      }
    }
    const precision = tp / predicted;
    const recall = tp / truth.size;
    const f1 = (2 * precision * recall) / (precision + recall);
    assert.ok(f1 >= 0.93, `F1 ${f1}`);
    const found = [...truth].filter((t) => listed.has(t)).length;
    assert.ok(found / truth.size >= 0.98, `recall@10 ${found / truth.size}`);
  });

  it('explains a pair field by field without the fields, with weights that add up to the score', () => {
    const left = readFixture('migrants-left.csv');
    const right = readFixture('migrants-right.csv');
    const secret = randomBytes(32);
    const L = countBits(encodeRecords(left, { secret, ownerKey: randomBytes(32) }));
    const R = countBits(encodeRecords(right, { secret, ownerKey: randomBytes(32) }));
    const model = trainEncodedModel(L, R, buildTokenIndex(R), false);
    const [leftId, rightId] = (
      readFileSync(new URL('../../../../tests/fixtures/linkage/migrants-truth.csv', import.meta.url), 'utf8').split(
        '\n',
      )[1] as string
    )
      .trim()
      .split(',') as [string, string];
    const li = left.findIndex((p) => p.id === leftId);
    const ri = right.findIndex((p) => p.id === rightId);
    const es = explainEncodedPair(model, L, li, R, ri, 'es');
    assert.equal(es.decision, 'match');
    assert.equal(es.fields.length, 10);
    const sum = es.fields.reduce((s, f) => s + f.weight, 0);
    assert.ok(Math.abs(sum - es.totalWeight) < 0.1, `${sum} vs ${es.totalWeight}`);
    const given = es.fields.find((f) => f.field === 'given_names');
    assert.match(given?.reason ?? '', /\(codificado\)$/);
    assert.match(explainEncodedPair(model, L, li, R, ri, 'en').fields[0]?.reason ?? '', /\(encoded\)$|^missing$/);
    const text = JSON.stringify(es).toLowerCase();
    for (const p of [left[li] as PersonRecord, right[ri] as PersonRecord])
      for (const v of [p.givenNames, p.surnames, p.originPlace, p.birthDate])
        for (const t of foldText(v ?? '').split(' '))
          if (t.length >= 4) assert.ok(!text.includes(t), `"${t}" in the explanation`);
  });
});
