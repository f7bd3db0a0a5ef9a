// The ante-mortem / post-mortem marks: heights within 8 cm agree, further apart disagree; texts
// agree on the words they share (accents and case aside), disagree with none in common, and a
// field missing on either side is not compared.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { verdictOf } from '../../apps/web/src/staff/pages/missing/ampm-compare.ts';

describe('ante-mortem / post-mortem marks', () => {
  it('compares a told height with a measured stature within a margin', () => {
    assert.deepEqual(verdictOf({ heightCm: 170 }, { statureCm: 176 }, 'height'), {
      kind: 'height',
      agrees: true,
      diff: 6,
    });
    assert.deepEqual(verdictOf({ heightCm: 160 }, { heightCm: 175 }, 'height'), {
      kind: 'height',
      agrees: false,
      diff: 15,
    });
  });

  it('compares descriptions by the words they share', () => {
    assert.deepEqual(
      verdictOf({ tattoos: 'Rosa en el antebrazo izquierdo' }, { tattoos: 'rosa, ANTEBRAZO izq.' }, 'tattoos'),
      { kind: 'words', agrees: true, words: ['rosa', 'antebrazo'] },
    );
    assert.deepEqual(verdictOf({ hair: 'castaño' }, { hair: 'Castano claro' }, 'hair'), {
      kind: 'words',
      agrees: true,
      words: ['castano'],
    });
    assert.deepEqual(verdictOf({ hair: 'negro' }, { hair: 'rubio' }, 'hair'), {
      kind: 'words',
      agrees: false,
      words: [],
    });
  });

  it('says nothing when a side has no value', () => {
    assert.equal(verdictOf({ scars: 'rodilla' }, {}, 'scars'), null);
    assert.equal(verdictOf(undefined, { heightCm: 170 }, 'height'), null);
  });
});
