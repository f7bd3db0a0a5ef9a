// Generators and checks shared by the HTTP fuzzing tests: bad JSON bodies built from a route's
// known fields, invalid UTF-8, odd content types, and the assertion that a rejection is a clean
// 4xx {code, message} with no stack trace.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';

export const POISON_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '__defineGetter__',
  'isAdmin',
  'role',
  'orgId',
  'id',
  'version',
];

/** A JSON object written by hand, so that keys such as "__proto__" reach the server as sent. */
export function objectText(entries: [string, string][]): string {
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`;
}

export const jsonText = fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v));
export const hugeString = fc
  .integer({ min: 10_000, max: 1_500_000 })
  .chain((n) =>
    fc
      .constantFrom('a', 'ñ', '\u0000', '"', '\\', '𝔸', '<script>')
      .map((c) => JSON.stringify(c.repeat(Math.ceil(n / c.length)))),
  );
export const deepNesting = fc
  .tuple(fc.integer({ min: 20, max: 20_000 }), fc.constantFrom('[', '{"a":'))
  .map(([depth, open]) => `${open.repeat(depth)}1${(open === '[' ? ']' : '}').repeat(depth)}`);
const wrongValue = fc.oneof(
  { weight: 5, arbitrary: jsonText },
  { weight: 1, arbitrary: deepNesting },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '{"__proto__":{"polluted":true}}',
      '{"constructor":{"prototype":{"polluted":true}}}',
      '"2025-02-30"',
      '"9999-99-99"',
      '"\\u0000"',
      '-0',
      '1e309',
      '[]',
      '{}',
      'null',
      'true',
      '""',
      '"<script>alert(1)</script>"',
      '"../../etc/passwd"',
      '"=HYPERLINK(\\"http://x\\")"',
    ),
  },
);

/** Bodies for a route whose known fields are `fields`: random JSON, wrong types, unknown and poison keys. */
export function badBodies(fields: string[]): fc.Arbitrary<string> {
  const known = fields.length ? fields : ['value'];
  const key = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...known) },
    { weight: 2, arbitrary: fc.constantFrom(...POISON_KEYS) },
    { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
  );
  return fc.oneof(
    { weight: 2, arbitrary: jsonText },
    { weight: 6, arbitrary: fc.array(fc.tuple(key, wrongValue), { minLength: 0, maxLength: 6 }).map(objectText) },
    { weight: 1, arbitrary: deepNesting },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...known), deepNesting).map(([k, v]) => objectText([[k, v]])) },
    // Truncated or otherwise broken JSON.
    {
      weight: 1,
      arbitrary: fc
        .tuple(jsonText, fc.nat())
        .map(([t, n]) => t.slice(0, Math.max(0, (n % (t.length + 1)) - 1)) + (n % 2 ? '}' : '')),
    },
    { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
  );
}

/** Payload bytes: mostly the text as UTF-8, sometimes with invalid UTF-8 sequences spliced in. */
export function withBadBytes(text: fc.Arbitrary<string>): fc.Arbitrary<Buffer> {
  const badSequence = fc.constantFrom(
    [0xff],
    [0xfe, 0xff],
    [0xc3],
    [0xed, 0xa0, 0x80],
    [0xf8, 0x88, 0x80, 0x80, 0x80],
    [0xc0, 0xaf],
    [0xe2, 0x82],
  );
  return fc.oneof(
    { weight: 4, arbitrary: text.map((t) => Buffer.from(t, 'utf8')) },
    {
      weight: 1,
      arbitrary: fc.tuple(text, fc.nat(), badSequence).map(([t, at, bytes]) => {
        const b = Buffer.from(t, 'utf8');
        const i = b.length ? at % b.length : 0;
        return Buffer.concat([b.subarray(0, i), Buffer.from(bytes), b.subarray(i)]);
      }),
    },
  );
}

export const contentType = fc.oneof(
  { weight: 8, arbitrary: fc.constant('application/json') },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      'application/json; charset=latin1',
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/xml',
      'application/json; charset=utf-16',
      '',
      'application/JSON',
    ),
  },
);

const STACK_TRACE = /\bat [^\n]*\(?[^\n]*:\d+:\d+\)?|node_modules|\.ts:\d+|Error: /;

export function assertRejection(response: LightMyRequestResponse, what: string): void {
  assert.ok(response.statusCode < 500, `${what}: ${response.statusCode} ${response.body.slice(0, 300)}`);
  assert.ok(response.statusCode >= 400, `${what}: expected a 4xx, got ${response.statusCode}`);
  assert.match(String(response.headers['content-type']), /^application\/json/, what);
  const body = response.json() as { code: unknown; message: unknown };
  assert.equal(typeof body.code, 'string', what);
  assert.equal(typeof body.message, 'string', what);
  assert.doesNotMatch(response.body, STACK_TRACE, `${what}: a stack trace or internal detail leaked`);
}

export function assertNoPollution(): void {
  const probe = {} as Record<string, unknown>;
  for (const key of ['polluted', 'isAdmin', 'role', 'a'])
    assert.equal(probe[key], undefined, `Object.prototype polluted with "${key}"`);
}

/**
 * SQL counting the rows of every table: moves if anything at all was written. A refused request
 * may leave an 'access.refused' audit entry by design (decision 0128), a wrong current password
 * an 'account.password_confirm_failed' entry (decision 0129: guessing with a stolen session is
 * recorded), and the sealer chains entries at any moment; none is a write the request made.
 * Sign-in throttling counts every password tried, refused or not (decision 0140): its tables too.
 */
export function writeFingerprintSql(tables: readonly string[]): string {
  const countOf = (t: string) =>
    t === 'audit_log'
      ? `(SELECT count(*) FROM audit_log WHERE action NOT LIKE 'access.refused%' AND action <> 'account.password_confirm_failed')::int AS "audit_log"`
      : t === 'audit_seals' || t.startsWith('login_throttle_')
        ? `0 AS "${t}"`
        : `(SELECT count(*) FROM "${t}")::int AS "${t}"`;
  return `SELECT ${tables.map(countOf).join(', ')}`;
}
