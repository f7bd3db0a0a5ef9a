import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { AmPmRecord } from './ampm-record.ts';
import { explainAmPm, linkAmPm, prepareAmPmModel, type AmPmModel } from './ampm-link.ts';

// A report and remains that agree on what a family and a forensic service would both record.
const report: AmPmRecord = {
  id: 'AM1',
  givenNames: 'Wilson Yunior',
  surnames: 'Alvarenga Mejía',
  sex: 'M',
  birthDate: '1995-03-10',
  nationality: 'HN',
  eventDate: '2021-05-01',
  eventPlace: 'Reynosa, Tamaulipas',
  statureMinCm: 163,
  statureMaxCm: 169,
  tattoos: [{ location: 'left-forearm', motif: 'rose' }],
  dental: [
    { tooth: 21, state: 'crown-gold' },
    { tooth: 36, state: 'missing' },
  ],
  clothing: [{ garment: 'jacket', colour: 'red', brand: 'nike' }],
  features: [
    { kind: 'fracture', where: 'left-forearm' },
    { kind: 'hair', where: 'black' },
  ],
};

const remains: AmPmRecord = {
  id: 'PM1',
  sex: 'M',
  ageMin: 20,
  ageMax: 35,
  eventDate: '2021-08-02',
  eventPlace: 'Brooks County, Texas',
  statureMinCm: 160,
  statureMaxCm: 172,
  deathDateMin: '2021-04-15',
  deathDateMax: '2021-07-20',
  tattoos: [{ location: 'left-forearm', motif: 'rose' }],
  dental: [
    { tooth: 21, state: 'crown-gold' },
    { tooth: 36, state: 'missing' },
    { tooth: 18, state: 'not-observable' },
  ],
  clothing: [{ garment: 'jacket', colour: 'red', brand: 'nike' }],
  features: [
    { kind: 'fracture', where: 'left-forearm' },
    { kind: 'hair', where: 'black' },
  ],
};

/** Plain remains (other people) so that frequencies are estimated from a file, as in use. */
function others(n: number): AmPmRecord[] {
  const motifs = ['cross', 'star', 'skull', 'heart'];
  return Array.from({ length: n }, (_, i) => ({
    id: `X${i}`,
    sex: i % 5 === 0 ? 'F' : 'M',
    ageMin: 18 + (i % 20),
    ageMax: 30 + (i % 20),
    eventDate: '2021-09-01',
    eventPlace: 'Pima County, Arizona',
    statureMinCm: 150 + (i % 25),
    statureMaxCm: 162 + (i % 25),
    deathDateMin: '2021-03-01',
    deathDateMax: '2021-08-01',
    tattoos: i % 3 === 0 ? [{ location: 'chest', motif: motifs[i % 4] as string }] : [],
    dental: [{ tooth: 46, state: i % 2 ? 'filling' : 'missing' }],
    clothing: [{ garment: 'jeans', colour: 'blue', brand: '' }],
    features: [{ kind: 'hair', where: i % 2 ? 'black' : 'brown' }],
  }));
}

// Other families' reports: name and nationality frequencies are estimated from the reports.
const otherReports: AmPmRecord[] = ['García López', 'Pérez Cruz', 'Tzul Cux', 'Joseph', 'Hernández Ramos'].flatMap(
  (surnames, i) =>
    ['José', 'María', 'Pedro', 'Ana'].map((givenNames, j) => ({
      id: `R${i}-${j}`,
      givenNames,
      surnames,
      nationality: 'GT',
    })),
);

function explain(am: Partial<AmPmRecord>, pm: Partial<AmPmRecord>, extra: AmPmRecord[] = others(40)) {
  const model: AmPmModel = prepareAmPmModel([{ ...report, ...am }, ...otherReports], [{ ...remains, ...pm }, ...extra]);
  return explainAmPm(model, 0, 0);
}

const codes = (e: { reasons: { code: string }[] }): string[] => e.reasons.map((r) => r.code);
const rules = (e: { exclusions: { rule: string }[] }): string[] => e.exclusions.map((r) => r.rule);

describe('AM/PM hard exclusions, each under its rule', () => {
  it('a tooth missing in life cannot be present after death', () => {
    const e = explain({}, { dental: [{ tooth: 21, state: 'crown-gold' }] });
    assert.deepEqual(rules(e), ['dental.missing-present']);
    assert.equal(e.excluded, true);
    assert.match(e.exclusions[0]?.en ?? '', /tooth 36/);
    assert.match(e.exclusions[0]?.es ?? '', /diente 36/);
  });

  it('a restoration in life cannot vanish, but a tooth restored and later lost only weighs against', () => {
    const gone = explain({}, { dental: [{ tooth: 36, state: 'missing' }] });
    assert.deepEqual(rules(gone), ['dental.restoration-absent']);
    const lost = explain(
      {},
      {
        dental: [
          { tooth: 21, state: 'missing' },
          { tooth: 36, state: 'missing' },
        ],
      },
    );
    assert.equal(lost.excluded, false);
    assert.ok(codes(lost).includes('dental.explainable'));
  });

  it('a tooth not observable after death says nothing', () => {
    const e = explain(
      {},
      {
        dental: [
          { tooth: 21, state: 'not-observable' },
          { tooth: 36, state: 'not-observable' },
        ],
      },
    );
    assert.equal(e.excluded, false);
    assert.ok(!codes(e).some((c) => c.startsWith('dental.')));
  });

  it('seen alive after the death window closed', () => {
    const e = explain({ eventDate: '2021-07-21' }, {});
    assert.deepEqual(rules(e), ['time.seen-after-death']);
    assert.equal(explain({ eventDate: '2021-07-20' }, {}).excluded, false);
  });

  it('sex determined and different; undetermined sex excludes nothing', () => {
    assert.deepEqual(rules(explain({ sex: 'F' }, {})), ['sex.different']);
    assert.equal(explain({ sex: 'F' }, { sex: '' }).excluded, false);
  });

  it('stature and age far outside the estimates, and only far outside', () => {
    assert.deepEqual(rules(explain({ statureMinCm: 184, statureMaxCm: 190 }, {})), ['stature.outside']);
    const near = explain({ statureMinCm: 175, statureMaxCm: 180 }, {});
    assert.equal(near.excluded, false);
    assert.ok(codes(near).includes('stature.near'));
    assert.deepEqual(rules(explain({ birthDate: '1970-01-01' }, {})), ['age.outside']);
    assert.ok(codes(explain({ birthDate: '1984-01-01' }, {})).includes('age.near'));
  });

  it('collects every rule that excludes a pair', () => {
    const e = explain({ sex: 'F', eventDate: '2022-01-01' }, { dental: [] });
    assert.deepEqual(rules(e).sort(), [
      'dental.missing-present',
      'dental.restoration-absent',
      'sex.different',
      'time.seen-after-death',
    ]);
  });
});

describe('AM/PM likelihood ratios', () => {
  it('weighs a rare tattoo more than a common one', () => {
    const rare = explain({}, {}).reasons.find((r) => r.code === 'tattoo.same');
    const common = others(40).map((r) => ({ ...r, tattoos: [{ location: 'left-forearm', motif: 'rose' }] }));
    const usual = explain({}, {}, common).reasons.find((r) => r.code === 'tattoo.same');
    assert.ok(rare && usual);
    assert.ok(rare.weight > usual.weight + 3, `${rare.weight} vs ${usual.weight}`);
  });

  it('counts a gold crown on 21 for more than the blue jeans everyone wears', () => {
    const e = explain(
      { clothing: [{ garment: 'jeans', colour: 'blue', brand: '' }] },
      {
        clothing: [{ garment: 'jeans', colour: 'blue', brand: '' }],
      },
    );
    const crown = e.reasons.find((r) => r.code === 'dental.same' && r.en.includes('tooth 21'));
    const jeans = e.reasons.find((r) => r.code === 'clothing.same');
    assert.ok(crown && jeans);
    assert.ok(crown.weight > jeans.weight + 3);
  });

  it('tolerates a faded colour: red found brown agrees weakly, found green does not', () => {
    const brown = explain({}, { clothing: [{ garment: 'jacket', colour: 'brown', brand: '' }] });
    const green = explain({}, { clothing: [{ garment: 'jacket', colour: 'green', brand: '' }] });
    assert.ok(codes(brown).includes('clothing.faded'));
    assert.ok(codes(green).includes('clothing.other-colour'));
    assert.ok(brown.totalWeight > green.totalWeight);
  });

  it('finds a misspelled name on the body and prefers it to another name', () => {
    const misspelled = explain({}, { givenNames: 'WILSN', surnames: 'ALVARENGA' });
    const other = explain({}, { givenNames: 'PEDRO', surnames: 'GARCIA' });
    assert.ok(codes(misspelled).includes('name.surname'));
    assert.ok(codes(misspelled).includes('name.given'));
    assert.ok(codes(other).includes('name.other-surname'));
    assert.ok(misspelled.totalWeight > other.totalWeight + 8);
  });

  it('sees a tattoo on the other arm as a left/right confusion, weaker than the same arm', () => {
    const mirrored = explain({}, { tattoos: [{ location: 'right-forearm', motif: 'rose' }] });
    assert.ok(codes(mirrored).includes('tattoo.mirrored'));
    assert.ok(explain({}, {}).totalWeight > mirrored.totalWeight);
  });

  it('makes remains found along the route and soon after more plausible than far south or much later', () => {
    const near = explain({}, {});
    const south = explain({}, { eventPlace: 'Tapachula, Chiapas' });
    assert.ok(codes(south).includes('route.south'));
    assert.ok(near.totalWeight > south.totalWeight);
    const late = explain({}, { deathDateMin: '2021-11-01', deathDateMax: '2022-01-10', eventDate: '2022-02-01' });
    assert.ok(near.totalWeight > late.totalWeight + 3);
  });

  it('weighs against a mark on the remains that the family did not list', () => {
    const extra = explain({}, { features: [...(remains.features ?? []), { kind: 'prosthesis', where: 'right-hip' }] });
    assert.ok(codes(extra).includes('feature.unlisted'));
    assert.ok(explain({}, {}).totalWeight > extra.totalWeight + 1);
  });

  it('explains every weight: the reasons add up to the total', () => {
    const e = explain({}, {});
    const sum = e.reasons.reduce((s, r) => s + r.weight, 0);
    assert.ok(Math.abs(sum - e.totalWeight) < 0.1, `${sum} vs ${e.totalWeight}`);
    for (const r of e.reasons) assert.ok(r.es && r.en && r.es !== r.en, r.code);
  });
});

describe('linkAmPm', () => {
  it('ranks the true remains first, says match only when sure, and keeps two look-alikes possible', () => {
    const rest = others(200);
    const one = linkAmPm([report], [...rest, remains]);
    assert.equal(one.rows[0]?.rightId, 'PM1');
    assert.equal(one.rows[0]?.decision, 'match');
    const twin = { ...remains, id: 'PM2' };
    const two = linkAmPm([report], [...rest, remains, twin]);
    assert.deepEqual(
      two.rows.slice(0, 2).map((r) => r.decision),
      ['possible', 'possible'],
    );
    assert.ok(Math.abs((two.rows[0]?.score ?? 0) - (two.rows[1]?.score ?? 0)) < 1e-9);
  });

  it('never lists excluded remains', () => {
    const rows = linkAmPm([report], [{ ...remains, sex: 'F' }, ...others(20)]).rows;
    assert.ok(!rows.some((r) => r.rightId === 'PM1'));
  });
});
