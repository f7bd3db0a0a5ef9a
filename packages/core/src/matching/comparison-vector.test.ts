import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { compareRecords, FIELDS, type NameAgreement } from './comparison-vector.ts';
import { prepareRecord } from './record-prepare.ts';
import type { PersonRecord } from './person-record.types.ts';

function levels(a: Partial<PersonRecord>, b: Partial<PersonRecord>): Record<string, number> & { rearranged: boolean } {
  const out = new Uint8Array(FIELDS.length);
  const names: NameAgreement = {
    givenValue: '',
    surnameValue: '',
    givenFull: false,
    surnameFull: false,
    rearranged: false,
  };
  compareRecords(prepareRecord({ id: 'a', ...a }, 0), prepareRecord({ id: 'b', ...b }, 1), out, names);
  const r: Record<string, number> = {};
  FIELDS.forEach((f, i) => (r[f] = out[i] as number));
  return Object.assign(r, { rearranged: names.rearranged });
}

describe('comparison levels for names', () => {
  it('finds Kebin Alvarenga when the family wrote Kevin', () => {
    const l = levels({ givenNames: 'Kevin', surnames: 'Alvarenga' }, { givenNames: 'Kebin', surnames: 'Alvarenga' });
    assert.equal(l.given_names, 3);
    assert.equal(l.surnames, 1);
  });

  it('treats Chuy and Jesús as the same given name', () => {
    assert.equal(levels({ givenNames: 'Chuy' }, { givenNames: 'Jesús' }).given_names, 1);
  });

  it('sees one of two given names as a partial but full agreement', () => {
    assert.equal(levels({ givenNames: 'Enrique Wilson' }, { givenNames: 'Enrique' }).given_names, 2);
  });

  it('compares surnames as a set: order swapped still agrees exactly', () => {
    assert.equal(levels({ surnames: 'González Morales' }, { surnames: 'Morales González' }).surnames, 1);
  });

  it('recognises a missing second surname', () => {
    assert.equal(levels({ surnames: 'Rivera Maradiaga' }, { surnames: 'Rivera' }).surnames, 2);
  });

  it('marks siblings: one surname in common is not the same family name', () => {
    assert.equal(levels({ surnames: 'Flores Alvarenga' }, { surnames: 'Flores Cabrera' }).surnames, 5);
  });

  it("reads given names and surnames typed in each other's box", () => {
    const l = levels(
      { givenNames: 'mikhayla', surnames: 'hannagan' },
      { givenNames: 'hannagan', surnames: 'mikhayla' },
    );
    assert.equal(l.given_names, 1);
    assert.equal(l.surnames, 1);
    assert.equal(l.rearranged, true);
  });

  it('splits a full name typed into the given-names box', () => {
    const l = levels(
      { givenNames: 'Jean', surnames: 'Rangel Pérez' },
      { givenNames: 'JEAN RANGEL PEREZ', surnames: '' },
    );
    assert.equal(l.given_names, 1);
    assert.equal(l.surnames, 1);
  });
});

describe('comparison levels for other fields', () => {
  it('flags a document number with one digit mistyped', () => {
    assert.equal(levels({ documentId: '1307904887' }, { documentId: '1307904888' }).document_id, 2);
  });

  it('sees "Cobán, Alta Verapaz" and "Cobán" as overlapping places', () => {
    assert.equal(levels({ originPlace: 'Cobán, Alta Verapaz' }, { originPlace: 'Coban' }).origin_place, 2);
  });

  it('leaves a field out (level 0) when either side is empty', () => {
    assert.equal(levels({ nationality: 'GT' }, {}).nationality, 0);
  });
});
