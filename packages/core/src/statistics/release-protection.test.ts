// Revisions against the differencing attack (decision 0127): publish a month, add a person, publish
// the month again. Protected alone, the second table gives the new person away together with the
// first; protected against it (release-protection.ts), no hidden cell of either is narrowed.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildLayout, fillCube } from './count-table.model.ts';
import { protectRelease } from './release-protection.ts';
import { revisionWeakCells } from './revision-attack.solver.ts';
import { isSuppressed, suppressCounts } from './suppression.service.ts';
import { FeasibleRegion, MAX_PIVOTS, SimplexIterationLimitError } from './simplex-bounds.solver.ts';
import type { CountTableInput } from './statistics.types.ts';

const dims = (rows: number, cols: number): CountTableInput['dimensions'] => [
  { name: 'nationality', categories: Array.from({ length: rows }, (_, i) => `n${i}`) },
  { name: 'sex', categories: Array.from({ length: cols }, (_, i) => `s${i}`) },
];

/** Nationality × sex, the month as first published: big cells and a few small ones. */
const OCTOBER = [
  [12, 9, 0],
  [8, 7, 2],
  [6, 0, 0],
  [9, 6, 0],
];

function mask(cells: readonly unknown[]): Uint8Array {
  return Uint8Array.from(cells, (c) => (isSuppressed(c as never) ? 1 : 0));
}

describe('revisions of a published period', () => {
  const first = protectRelease({ dimensions: dims(4, 3), counts: OCTOBER }, { threshold: 5, earlier: [] });
  // One person registered afterwards, of a group that had nobody: a published 0 becomes 1.
  const later = OCTOBER.map((r) => [...r]);
  later[2]![2] = 1;
  const input: CountTableInput = { dimensions: dims(4, 3), counts: later };
  const layout = buildLayout([4, 3]);

  it('shows the attack works: the revision protected alone gives a hidden cell away', () => {
    const alone = suppressCounts(input, { threshold: 5 });
    const weak = revisionWeakCells({
      layout,
      releases: [
        { values: first.values, hidden: first.hidden },
        { values: fillCube(layout, input), hidden: mask(alone.cells) },
      ],
      threshold: 5,
      protectionLevel: 5,
      zeros: 'publish',
    });
    assert.ok(weak.length > 0, 'the naive revision is attackable');
    // The new person's cell is pinned or narrowed below the protection level.
    assert.ok(weak.some((w) => w.max - w.min < 5));
  });

  it('protects the revision against the first release: no hidden cell of either is narrowed', () => {
    const revision = protectRelease(input, {
      threshold: 5,
      earlier: [{ values: first.values, hidden: first.hidden, samePeriod: true }],
    });
    assert.ok(revision.attackRounds >= 1);
    // What the first release hid stays hidden.
    first.hidden.forEach((h, c) => h && assert.equal(revision.hidden[c], 1, `cell ${c}`));
    const weak = revisionWeakCells({
      layout,
      releases: [
        { values: first.values, hidden: first.hidden },
        { values: revision.values, hidden: revision.hidden },
      ],
      threshold: 5,
      protectionLevel: 5,
      zeros: 'publish',
    });
    assert.deepEqual(weak, []);
    for (const c of revision.table.cells) if (!isSuppressed(c)) assert.ok(c === 0 || c >= 5);
  });

  it('leaves a first release alone and finds nothing to attack in it', () => {
    assert.equal(first.attackRounds, 0);
    assert.deepEqual(
      revisionWeakCells({
        layout,
        releases: [{ values: first.values, hidden: first.hidden }],
        threshold: 5,
        protectionLevel: 5,
        zeros: 'publish',
      }),
      [],
    );
  });

  it('checks a wide random set of revisions', () => {
    let seed = 7;
    const rand = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let trial = 0; trial < 25; trial++) {
      const base = Array.from({ length: 5 }, () => Array.from({ length: 4 }, () => Math.floor(rand() * 12)));
      const v1 = protectRelease({ dimensions: dims(5, 4), counts: base }, { threshold: 5, earlier: [] });
      const next = base.map((r) => r.map((v) => v + (rand() < 0.15 ? 1 + Math.floor(rand() * 2) : 0)));
      const v2 = protectRelease(
        { dimensions: dims(5, 4), counts: next },
        { threshold: 5, earlier: [{ values: v1.values, hidden: v1.hidden, samePeriod: true }] },
      );
      const weak = revisionWeakCells({
        layout: buildLayout([5, 4]),
        releases: [
          { values: v1.values, hidden: v1.hidden },
          { values: v2.values, hidden: v2.hidden },
        ],
        threshold: 5,
        protectionLevel: 5,
        zeros: 'publish',
      });
      assert.deepEqual(weak, [], `trial ${trial}`);
    }
  });
});

describe('simplex iteration cap', () => {
  it('stops with a clear error instead of running on', () => {
    assert.ok(MAX_PIVOTS > 1000);
    assert.throws(
      () =>
        new FeasibleRegion(
          [
            [1, 1, 1, 0],
            [0, 1, 1, 1],
          ],
          [5, 7],
          4,
          1,
        ),
      (e: unknown) => e instanceof SimplexIterationLimitError && /pivots/.test(e.message),
    );
  });
});
