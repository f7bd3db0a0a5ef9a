// Property-based fuzzing of the HTTP boundary (fast-check against app.inject, PGlite): generated
// bad bodies — random JSON, wrong types, unknown fields, prototype-pollution keys, deep nesting,
// huge strings, invalid UTF-8, wrong content types — sent to the login, person registration and
// procedure step routes. Every rejection is a 4xx {code, message} without a stack trace, nothing
// answers 5xx, a rejection writes no row anywhere, and Object.prototype is never polluted.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { startHarness, type ApiClient, type TestHarness } from '../../apps/server/src/testing/test-harness.ts';
import {
  assertNoPollution,
  assertRejection,
  badBodies,
  contentType,
  hugeString,
  objectText,
  withBadBytes,
  writeFingerprintSql,
} from './fuzz-kit.ts';

const NUM_RUNS = Number(process.env.FUZZ_RUNS ?? 150);

const PERSON_FIELDS = [
  'givenNames',
  'surnames',
  'firstSurname',
  'secondSurname',
  'aliases',
  'sex',
  'genderIdentity',
  'birthDate',
  'estimatedAge',
  'nationality',
  'origin',
  'languages',
  'documents',
  'contacts',
  'notes',
  'teamId',
];
const LOGIN_FIELDS = ['email', 'password', 'totp'];
const STEP_FIELDS = ['trigger', 'window', 'details'];

describe('fuzzing the HTTP boundary [pglite]', { timeout: 240_000 }, () => {
  let h: TestHarness;
  let caseworker: ApiClient;
  let lawyer: ApiClient;
  let procedureId = '';
  let fingerprintSql = '';

  /** Total rows in every table: one number that moves if anything at all was written. */
  async function rowFingerprint(): Promise<string> {
    const { rows } = await h.ctx.db.query<Record<string, number>>(fingerprintSql);
    return JSON.stringify(rows[0]);
  }

  before(async () => {
    h = await startHarness('pglite');
    await h.createOrg('casa-fuzz');
    await h.createAccount({ org: 'casa-fuzz', email: 'cw@fuzz.example', role: 'caseworker' });
    await h.createAccount({ org: 'casa-fuzz', email: 'lawyer@fuzz.example', role: 'lawyer' });
    caseworker = await h.login('cw@fuzz.example');
    lawyer = await h.login('lawyer@fuzz.example');
    const person = await caseworker.post('/api/people', { givenNames: 'Fuzz', surnames: 'Prueba' });
    assert.equal(person.statusCode, 201, person.body);
    const procedure = await lawyer.post('/api/procedures', {
      personId: (person.json() as { id: string }).id,
      type: 'mx.comar.refugee_status',
    });
    assert.equal(procedure.statusCode, 201, procedure.body);
    procedureId = (procedure.json() as { id: string }).id;
    const tables = await h.ctx.db.query<{ name: string }>(
      "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1",
    );
    assert.ok(tables.rows.length > 5);
    fingerprintSql = writeFingerprintSql(tables.rows.map((t) => t.name));
  });
  after(async () => {
    await h.close();
  });

  it('POST /api/people: bad bodies are rejected with 4xx {code, message} and write nothing', async () => {
    await fc.assert(
      fc.asyncProperty(withBadBytes(badBodies(PERSON_FIELDS)), contentType, async (payload, type) => {
        const before = await rowFingerprint();
        const response = await caseworker.request({
          method: 'POST',
          url: '/api/people',
          payload,
          headers: type ? { 'content-type': type } : {},
        });
        if (response.statusCode === 201) return; // the generator happened to write a valid person
        assertRejection(response, `POST /api/people ${payload.toString('utf8').slice(0, 200)}`);
        assert.equal(await rowFingerprint(), before, 'a rejected registration wrote a row');
        assertNoPollution();
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('PUT /api/procedures/:id/steps/:step: bad bodies and parameters are rejected and write nothing', async () => {
    const ids = fc.oneof(
      { weight: 3, arbitrary: fc.constant(procedureId) },
      { weight: 1, arbitrary: fc.uuid() },
      { weight: 1, arbitrary: fc.string({ maxLength: 80 }) },
    );
    const steps = fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom('application', 'resolution', 'nope') },
      { weight: 1, arbitrary: fc.string({ minLength: 0, maxLength: 100 }) },
      { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', '..%2F..%2Fetc', '%00', '%E0%A4%A') },
    );
    await fc.assert(
      fc.asyncProperty(
        ids,
        steps,
        withBadBytes(badBodies(STEP_FIELDS)),
        contentType,
        async (id, step, payload, type) => {
          const before = await rowFingerprint();
          const url = `/api/procedures/${encodeURIComponent(id)}/steps/${/%/.test(step) ? step : encodeURIComponent(step)}`;
          const response = await lawyer.request({
            method: 'PUT',
            url,
            payload,
            headers: type ? { 'content-type': type } : {},
          });
          if (response.statusCode === 200) return; // a valid trigger date on a real step
          assertRejection(response, `PUT ${url} ${payload.toString('utf8').slice(0, 200)}`);
          assert.equal(await rowFingerprint(), before, 'a rejected step change wrote a row');
          assertNoPollution();
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });

  it('POST /api/auth/login: bad bodies never answer 5xx nor log anyone in', async () => {
    await fc.assert(
      fc.asyncProperty(withBadBytes(badBodies(LOGIN_FIELDS)), contentType, async (payload, type) => {
        const before = await rowFingerprint();
        const response = await h.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload,
          headers: type ? { 'content-type': type } : {},
        });
        assertRejection(response, `POST /api/auth/login ${payload.toString('utf8').slice(0, 200)}`);
        assert.equal(
          response.cookies.find((c) => c.name === 'acompana_session'),
          undefined,
        );
        // A well-formed login for an unknown address is refused without writing; none of the
        // generated addresses is a real account, so nothing is written at all.
        assert.equal(await rowFingerprint(), before, 'a refused login wrote a row');
        assertNoPollution();
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('huge bodies: 413 or a field-length error, never 5xx, nothing written', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...PERSON_FIELDS), hugeString, async (field, value) => {
        const before = await rowFingerprint();
        const response = await caseworker.request({
          method: 'POST',
          url: '/api/people',
          payload: objectText([[field, value]]),
          headers: { 'content-type': 'application/json' },
        });
        assertRejection(response, `POST /api/people {${field}: ${value.length} chars}`);
        assert.equal(await rowFingerprint(), before);
      }),
      { numRuns: 20 },
    );
  });

  // Node decodes invalid UTF-8 into replacement characters; the strict parser refuses it instead.
  it('invalid UTF-8 in a name is refused, not silently replaced', async () => {
    const before = await rowFingerprint();
    const payload = Buffer.concat([
      Buffer.from('{"givenNames":"Mar'),
      Buffer.from([0xff, 0xfe]),
      Buffer.from('a","surnames":"Prueba"}'),
    ]);
    const response = await caseworker.request({
      method: 'POST',
      url: '/api/people',
      payload,
      headers: { 'content-type': 'application/json' },
    });
    assert.ok(response.statusCode < 500, response.body);
    if (response.statusCode === 201) {
      // Accepted: the stored name must at least not be a different, garbled name without notice.
      assert.fail(
        `invalid UTF-8 was accepted and stored as ${JSON.stringify((response.json() as { givenNames: string }).givenNames)}`,
      );
    }
    assertRejection(response, 'invalid UTF-8');
    assert.equal(await rowFingerprint(), before);
  });
});
