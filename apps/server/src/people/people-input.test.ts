// Bad input at intake: each mistake gets a clear, translated error naming the field, and no
// request ever leaves part of a record behind.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnBothDatabases } from '../testing/on-both-databases.ts';
import type { ApiClient } from '../testing/test-harness.ts';

describeOnBothDatabases('person input checks', (h) => {
  let worker: ApiClient;
  const count = async () =>
    Number((await h().ctx.db.query<{ n: number }>('SELECT count(*) AS n FROM people')).rows[0]?.n);
  const expectError = async (body: object, status: number, code: string, field?: string, lang = 'es') => {
    const response = await worker.post('/api/people', body, { 'accept-language': lang });
    assert.equal(response.statusCode, status, response.body);
    const error = response.json() as { code: string; field?: string; message: string };
    assert.equal(error.code, code);
    if (field) assert.equal(error.field, field);
    assert.ok(error.message && !error.message.includes('{'), error.message);
    return error.message;
  };

  it('refuses impossible dates, future birth dates and unknown countries, naming the field', async () => {
    await h().createAccount({ org: 'albergue', email: 'cw@albergue.example', role: 'caseworker' });
    worker = await h().login('cw@albergue.example');
    const before = await count();
    const message = await expectError(
      { givenNames: 'Ana', surnames: 'Pérez', birthDate: '2025-02-30' },
      400,
      'people.invalid_date',
      'birthDate',
      'en',
    );
    assert.match(message, /2025-02-30/);
    assert.match(
      await expectError(
        { givenNames: 'Ana', birthDate: '2999-01-01' },
        400,
        'people.birth_date_in_future',
        'birthDate',
      ),
      /futuro/,
    );
    await expectError({ givenNames: 'Ana', birthDate: '12/03/1990' }, 400, 'validation.invalid_format', 'birthDate');
    await expectError({ givenNames: 'Ana', nationality: 'XX' }, 400, 'people.unknown_country', 'nationality');
    await expectError({ givenNames: 'Ana', nationality: 'HND' }, 400, 'validation.invalid_format', 'nationality');
    await expectError(
      { givenNames: 'Ana', origin: { country: 'ZZ' } },
      400,
      'people.unknown_country',
      'origin.country',
    );
    await expectError(
      { givenNames: 'Ana', documents: [{ type: 'passport', number: 'A1', expiry: '2030-13-01' }] },
      400,
      'people.invalid_date',
      'documents.0.expiry',
    );
    await expectError({ givenNames: 'Ana', sex: 'female' }, 400, 'validation.invalid_value', 'sex');
    await expectError({ surnames: '  ' }, 400, 'people.name_required', 'givenNames');
    await expectError({ givenNames: 'Ana', favouriteColour: 'blue' }, 400, 'validation.unknown_field');
    assert.equal(await count(), before);
  });

  it('says the limit of the notes, and refuses a 10 MB note as too large', async () => {
    const message = await expectError(
      { givenNames: 'Ana', notes: 'x'.repeat(25_000) },
      400,
      'people.notes_too_long',
      'notes',
      'en',
    );
    assert.match(message, /20000/);
    const huge = await worker.post('/api/people', { givenNames: 'Ana', notes: 'x'.repeat(10 * 1024 * 1024) });
    assert.deepEqual([huge.statusCode, (huge.json() as { code: string }).code], [413, 'validation.body_too_large']);
  });

  it("answers every wrong field of the form at once, each in the request's language", async () => {
    const before = await count();
    const response = await worker.post(
      '/api/people',
      { givenNames: 'Ana', birthDate: '2999-01-01', nationality: 'XX', notes: 'x'.repeat(25_000) },
      { 'accept-language': 'es' },
    );
    assert.equal(response.statusCode, 400, response.body);
    const body = response.json() as {
      code: string;
      field: string;
      message: string;
      errors?: { code: string; field: string; message: string }[];
    };
    // The first problem stays at the top, as before; every problem, that one included, is in `errors`.
    assert.deepEqual(body.errors?.[0], { code: body.code, field: body.field, message: body.message });
    assert.deepEqual(body.errors?.map((e) => [e.field, e.code]).sort(), [
      ['birthDate', 'people.birth_date_in_future'],
      ['nationality', 'people.unknown_country'],
      ['notes', 'people.notes_too_long'],
    ]);
    assert.match(body.errors?.find((e) => e.field === 'birthDate')?.message ?? '', /futuro/);
    assert.equal(await count(), before);

    // The intake of several people answers the same way: its own fields and each member's.
    const intake = await worker.post('/api/intake', {
      arrivedOn: '2999-01-01',
      members: [
        { person: { givenNames: 'Madre', nationality: 'XX' }, relationship: 'self' },
        { person: { givenNames: 'Hija', birthDate: '2999-01-01' }, relationship: 'child' },
      ],
    });
    assert.equal(intake.statusCode, 400, intake.body);
    const problems = (intake.json() as { errors?: { field: string }[] }).errors?.map((e) => e.field);
    assert.deepEqual(problems?.sort(), ['arrivedOn', 'members.0.person.nationality', 'members.1.person.birthDate']);
    assert.equal(await count(), before);
  });

  it('refuses control characters in names but keeps markup exactly as written', async () => {
    await expectError({ givenNames: 'Ana\u0000', surnames: 'Pérez' }, 400, 'people.control_characters', 'givenNames');
    await expectError({ givenNames: 'Ana', surnames: 'Pérez\u202e' }, 400, 'people.control_characters', 'surnames');
    const ok = await worker.post('/api/people', {
      givenNames: 'Ana <b>',
      surnames: 'Pérez',
      notes: 'Primera línea\nsegunda línea',
    });
    assert.equal(ok.statusCode, 201);
    assert.equal((ok.json() as { givenNames: string }).givenNames, 'Ana <b>');
  });

  it('accepts an estimated age instead of a birth date, and separate surnames', async () => {
    const response = await worker.post('/api/people', {
      givenNames: 'Luis',
      firstSurname: 'Ramos',
      secondSurname: 'Ortiz',
      estimatedAge: 16,
    });
    assert.equal(response.statusCode, 201, response.body);
    const body = response.json() as { surnames: string; birthYear: number; birthYearEstimated: boolean };
    assert.equal(body.surnames, 'Ramos Ortiz');
    assert.equal(body.birthYear, h().clock.now.getUTCFullYear() - 16);
    assert.equal(body.birthYearEstimated, true);
  });

  it('checks an edit the same way, and a stale or bad edit changes nothing', async () => {
    const created = (await worker.post('/api/people', { givenNames: 'Rosa', surnames: 'Méndez' })).json() as {
      id: string;
    };
    const bad = await worker.request({
      method: 'PATCH',
      url: `/api/people/${created.id}`,
      payload: { version: 1, birthDate: '2023-02-29' },
    });
    assert.deepEqual([bad.statusCode, (bad.json() as { field: string }).field], [400, 'birthDate']);
    const read = (await worker.get(`/api/people/${created.id}`)).json() as { version: number; birthDate?: string };
    assert.deepEqual([read.version, read.birthDate], [1, undefined]);
  });
});
