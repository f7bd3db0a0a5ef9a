import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createMatcher, type Matcher, type PersonRecord } from './index.ts';

// The fixture is read with a tiny CSV splitter (no quotes inside the columns used here except
// places and descriptions), to keep this test independent of the CLI package.
function readFixture(name: string): PersonRecord[] {
  const text = readFileSync(new URL(`../../../../tests/fixtures/linkage/${name}`, import.meta.url), 'utf8');
  const lines = text.trim().split('\n');
  const split = (line: string): string[] => {
    const out: string[] = [];
    let cur = '';
    let quoted = false;
    for (const c of line) {
      if (c === '"') quoted = !quoted;
      else if (c === ',' && !quoted) {
        out.push(cur);
        cur = '';
      } else cur += c;
    }
    out.push(cur);
    return out;
  };
  const header = split(lines[0] as string);
  return lines.slice(1).map((line) => {
    const f = split(line);
    const get = (k: string): string => f[header.indexOf(k)] ?? '';
    const age = (k: string): number | null => (get(k) ? Number(get(k)) : null);
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

// People added to the found-records collection for these tests, with the kinds of variation
// families and shelters produce.
const found: PersonRecord[] = [
  {
    id: 'T-kebin',
    givenNames: 'Kebin',
    surnames: 'Albarenga Portiyo',
    sex: 'M',
    birthDate: '1996-03-21',
    nationality: 'HN',
    originPlace: 'Olancho',
    eventDate: '2023-05-02',
    eventPlace: 'Tapachula, Chiapas',
  },
  {
    id: 'T-pancho',
    givenNames: 'FRANCISCO',
    surnames: 'ORDOÑEZ XOCOP',
    sex: 'M',
    birthDate: '1979-11-02',
    nationality: 'GT',
    originPlace: 'Quiché',
    eventDate: '2022-01-10',
    eventPlace: 'Arriaga, Chiapas',
  },
  {
    id: 'T-swapped',
    givenNames: 'Lupita',
    surnames: 'Tzul Ajpop',
    sex: 'F',
    birthDate: '1990-07-04',
    nationality: 'GT',
    originPlace: 'Totonicapán',
    eventDate: '2021-03-03',
    eventPlace: 'Ciudad Hidalgo, Chiapas',
  },
  {
    id: 'T-one-surname',
    givenNames: 'Wilfredo Anselmo',
    surnames: 'Barahona',
    sex: 'M',
    birthDate: '1985-09-30',
    nationality: 'SV',
    originPlace: 'Usulután',
    eventDate: '2024-02-11',
    eventPlace: 'Saltillo, Coahuila',
  },
  {
    id: 'T-daymonth',
    givenNames: 'Nadège',
    surnames: 'Pierre-Louis',
    sex: 'F',
    birthDate: '1993-04-11',
    nationality: 'HT',
    originPlace: 'Jacmel',
    eventDate: '2022-08-08',
    eventPlace: 'Tijuana, Baja California',
  },
  {
    id: 'T-remains',
    givenNames: 'Eusebio',
    surnames: 'Quiroa Chitay',
    sex: 'M',
    birthDate: '',
    ageMin: 30,
    ageMax: 40,
    nationality: 'GT',
    originPlace: '',
    eventDate: '2021-06-15',
    eventPlace: 'Pima County, Arizona',
  },
  {
    id: 'T-sibling',
    givenNames: 'Reginaldo',
    surnames: 'Chub Xol',
    sex: 'M',
    birthDate: '1975-02-14',
    nationality: 'GT',
    originPlace: 'Cobán, Alta Verapaz',
    eventDate: '2020-10-10',
    eventPlace: 'Reynosa, Tamaulipas',
  },
  {
    id: 'T-namesake',
    givenNames: 'Anacleto',
    surnames: 'Guardado Cerritos',
    sex: 'M',
    birthDate: '1952-05-05',
    nationality: 'SV',
    originPlace: 'San Miguel',
    eventDate: '2021-01-20',
    eventPlace: 'Nogales, Sonora',
  },
];

let matcher: Matcher;
const top = (query: PersonRecord): { id: string; score: number; decision: string } | undefined =>
  matcher.search(query, { top: 5 })[0];

describe('person search (engine trained on a small migrants sample)', () => {
  before(() => {
    const reports = readFixture('migrants-left.csv');
    const records = [...readFixture('migrants-right.csv'), ...found];
    matcher = createMatcher(records, { trainingQueries: reports });
  });

  it('finds Kebin Alvarenga when the family wrote Kevin, with b/v, ll/y and accents changed', () => {
    const hit = top({
      id: 'q',
      givenNames: 'Kevin',
      surnames: 'Alvarenga Portillo',
      sex: 'M',
      birthDate: '1996-03-21',
      nationality: 'HN',
      originPlace: 'Olancho',
      eventDate: '2023-01-10',
    });
    assert.equal(hit?.id, 'T-kebin');
    assert.equal(hit?.decision, 'match');
  });

  it('finds Francisco when the family reported "Pancho"', () => {
    const hit = top({
      id: 'q',
      givenNames: 'Pancho',
      surnames: 'Ordóñez Xocop',
      sex: 'M',
      birthDate: '1979-11-02',
      nationality: 'GT',
      eventDate: '2021-11-30',
    });
    assert.equal(hit?.id, 'T-pancho');
    assert.equal(hit?.decision, 'match');
  });

  it('finds Guadalupe written as Lupita with her surnames in the other order', () => {
    const hit = top({
      id: 'q',
      givenNames: 'Guadalupe',
      surnames: 'Ajpop Tzul',
      sex: 'F',
      birthDate: '1990-07-04',
      nationality: 'GT',
      eventDate: '2021-01-01',
    });
    assert.equal(hit?.id, 'T-swapped');
    assert.equal(hit?.decision, 'match');
  });

  it('matches when the record has only the first surname and one of two given names', () => {
    const hit = top({
      id: 'q',
      givenNames: 'Wilfredo',
      surnames: 'Barahona Sorto',
      sex: 'M',
      birthDate: '1985-09-30',
      nationality: 'SV',
      originPlace: 'Usulután',
      eventDate: '2024-01-05',
    });
    assert.equal(hit?.id, 'T-one-surname');
    assert.equal(hit?.decision, 'match');
  });

  it('matches a birth date with day and month swapped (11/04 written as 04/11)', () => {
    const hit = top({
      id: 'q',
      givenNames: 'Nadege',
      surnames: 'Pierre Louis',
      sex: 'F',
      birthDate: '1993-11-04',
      nationality: 'HT',
      eventDate: '2022-05-01',
    });
    assert.equal(hit?.id, 'T-daymonth');
    assert.equal(hit?.decision, 'match');
    const birth = matcher
      .explain({ id: 'a', birthDate: '1993-11-04' }, { id: 'b', birthDate: '1993-04-11' })
      .fields.find((f) => f.field === 'birth');
    assert.equal(birth?.label, 'day/month swapped or one digit off');
  });

  it('accepts remains whose estimated age range fits the birth date, and not those whose range does not', () => {
    const hit = top({
      id: 'q',
      givenNames: 'Eusebio',
      surnames: 'Quiroa Chitay',
      sex: 'M',
      birthDate: '1986-02-01',
      nationality: 'GT',
      eventDate: '2021-03-01',
    });
    assert.equal(hit?.id, 'T-remains');
    assert.equal(hit?.decision, 'match');
    const tooOld = matcher.explain(
      { id: 'a', givenNames: 'Eusebio', surnames: 'Quiroa Chitay', birthDate: '1940-01-01' },
      found[5] as PersonRecord,
    );
    assert.equal(tooOld.fields.find((f) => f.field === 'birth')?.label, 'more than ten years apart');
    assert.ok(tooOld.fields.find((f) => f.field === 'birth')!.weight < 0);
  });

  it('does not match a sibling: same surnames and origin, different given name and birth date', () => {
    const hits = matcher.search({
      id: 'q',
      givenNames: 'Efrén',
      surnames: 'Chub Xol',
      sex: 'M',
      birthDate: '1981-08-30',
      nationality: 'GT',
      originPlace: 'Cobán, Alta Verapaz',
      eventDate: '2020-09-01',
    });
    const sibling = hits.find((h) => h.id === 'T-sibling');
    assert.ok(!sibling || sibling.decision !== 'match', `sibling scored ${sibling?.score}`);
  });

  it('does not match a namesake born decades apart', () => {
    const hits = matcher.search({
      id: 'q',
      givenNames: 'Anacleto',
      surnames: 'Guardado Cerritos',
      sex: 'M',
      birthDate: '1995-12-01',
      nationality: 'SV',
      eventDate: '2021-01-01',
    });
    const namesake = hits.find((h) => h.id === 'T-namesake');
    assert.ok(
      !namesake || namesake.decision !== 'match',
      `namesake scored ${namesake?.score} ${JSON.stringify(namesake?.fields)}`,
    );
  });

  it('explains a score field by field, with weights that add up to the total', () => {
    const e = matcher.explain(found[0] as PersonRecord, {
      id: 'x',
      givenNames: 'Kevin',
      surnames: 'Alvarenga',
      birthDate: '1996',
    });
    assert.ok(e.score > 0 && e.score <= 1);
    const sum = e.fields.reduce((s, f) => s + f.weight, 0);
    assert.ok(Math.abs(sum - e.totalWeight) < 0.1);
    assert.equal(e.fields.find((f) => f.field === 'surnames')?.label, 'alike, one side has a single surname');
    assert.equal(e.fields.find((f) => f.field === 'document_id')?.label, 'missing');
  });
});
