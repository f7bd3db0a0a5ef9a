// The vocabularies are data: keys unique, parents existing, no cycles, both languages present.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { institutionAncestors, institutionAndDescendants, institutions } from './institutions.ts';
import { violationTypes } from './violation-types.ts';

describe('incident vocabularies', () => {
  for (const [name, terms] of [
    ['violation types', violationTypes],
    ['institutions', institutions],
  ] as const) {
    it(`${name}: unique keys, known parents, labels and definitions in es and en`, () => {
      const keys = terms.map((t) => t.key);
      assert.equal(new Set(keys).size, keys.length);
      for (const t of terms) {
        if (t.parent) assert.ok(keys.includes(t.parent), `${t.key} → ${t.parent}`);
        for (const text of [t.label.es, t.label.en, t.definition.es, t.definition.en])
          assert.ok(text.length > 0, t.key);
      }
    });
  }

  it('rolls institutions up and down the hierarchy', () => {
    assert.deepEqual(institutionAncestors('police_municipal'), ['police_municipal', 'police', 'state_mx']);
    assert.deepEqual(institutionAndDescendants('police').sort(), ['police', 'police_municipal', 'police_state']);
    assert.ok(institutionAndDescendants('state_mx').includes('guardia_nacional'));
  });
});
