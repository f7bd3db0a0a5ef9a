import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isSuppressed, safeCellAt, suppressCounts } from './suppression.service.ts';
import { StatisticsError } from './statistics.errors.ts';
import type { DimensionSpec, SafeTable } from './statistics.types.ts';

const acts: DimensionSpec = { name: 'Act', categories: ['Extortion', 'Robbery', 'Assault'], hxl: '#event+type' };
const institutions: DimensionSpec = {
  name: 'Institution',
  categories: ['INM', 'Police', 'Army'],
  hxl: '#org+perpetrator',
};

function hiddenCells(table: SafeTable): number {
  return table.cells.filter(isSuppressed).length;
}

describe('suppressCounts: primary suppression', () => {
  it('hides a cell of 3 and the cell that would give it away from the row total', () => {
    const t = suppressCounts({ dimensions: [acts], counts: [3, 40, 12] });
    assert.deepEqual(safeCellAt(t, [0]), { suppressed: true, reason: 'primary' });
    // The row total minus the other cells would give the 3 back: the smallest other one goes too.
    assert.deepEqual(safeCellAt(t, [2]), { suppressed: true, reason: 'secondary' });
    assert.equal(safeCellAt(t, [1]), 40);
    assert.equal(safeCellAt(t, ['total']), 55);
  });

  it('hides totals that are themselves small, and keeps zeros visible by default', () => {
    const t = suppressCounts({
      dimensions: [acts, institutions],
      counts: [
        [0, 0, 2],
        [0, 9, 10],
        [0, 7, 30],
      ],
    });
    assert.deepEqual(safeCellAt(t, [0, 'total']), { suppressed: true, reason: 'primary' });
    assert.equal(safeCellAt(t, [0, 0]), 0);
    assert.equal(safeCellAt(t, ['total', 0]), 0);
  });

  it('can treat zeros as sensitive', () => {
    const t = suppressCounts(
      {
        dimensions: [acts, institutions],
        counts: [
          [0, 8, 9],
          [6, 9, 10],
          [7, 7, 30],
        ],
      },
      { zeros: 'suppress' },
    );
    assert.deepEqual(safeCellAt(t, [0, 0]), { suppressed: true, reason: 'primary' });
    assert.ok(hiddenCells(t) >= 4);
  });

  it('publishes a table with no small cells untouched', () => {
    const t = suppressCounts({
      dimensions: [acts, institutions],
      counts: [
        [5, 8, 9],
        [6, 9, 10],
        [7, 7, 30],
      ],
    });
    assert.equal(hiddenCells(t), 0);
    assert.equal(safeCellAt(t, ['total', 'total']), 91);
    assert.equal(t.report.primary, 0);
  });

  it('hides the 3 in a 2-D table so that neither its row nor its column gives it away', () => {
    const t = suppressCounts({
      dimensions: [acts, institutions],
      counts: [
        [3, 10, 12],
        [8, 9, 20],
        [15, 7, 30],
      ],
    });
    assert.deepEqual(safeCellAt(t, [0, 0]), { suppressed: true, reason: 'primary' });
    const row = [0, 1, 2, 'total'] as const;
    const hiddenInRow = row.filter((j) => isSuppressed(safeCellAt(t, [0, j]))).length;
    const hiddenInCol = row.filter((i) => isSuppressed(safeCellAt(t, [i, 0]))).length;
    assert.ok(hiddenInRow >= 2 && hiddenInCol >= 2);
    assert.equal(t.report.verification, 'lp');
  });

  it('accepts totals given with the table and checks that they add up', () => {
    const t = suppressCounts({ dimensions: [acts], counts: [3, 40, 12, 55], marginsGiven: true });
    assert.deepEqual(safeCellAt(t, [0]), { suppressed: true, reason: 'primary' });
    assert.throws(
      () => suppressCounts({ dimensions: [acts], counts: [3, 40, 12, 60], marginsGiven: true }),
      (e: unknown) => e instanceof StatisticsError && e.code === 'MARGINS_NOT_ADDITIVE',
    );
  });

  it('handles three dimensions (act × institution × state)', () => {
    const states: DimensionSpec = { name: 'State', categories: ['Chihuahua', 'Tamaulipas'], hxl: '#adm1+name' };
    const counts = [
      [
        [2, 20],
        [11, 14],
        [9, 8],
      ],
      [
        [12, 25],
        [1, 16],
        [10, 30],
      ],
      [
        [7, 6],
        [13, 19],
        [22, 4],
      ],
    ];
    const t = suppressCounts({ dimensions: [acts, institutions, states], counts });
    assert.deepEqual(t.shape, [4, 4, 3]);
    assert.deepEqual(safeCellAt(t, [0, 0, 0]), { suppressed: true, reason: 'primary' });
    assert.deepEqual(safeCellAt(t, [1, 1, 0]), { suppressed: true, reason: 'primary' });
    assert.deepEqual(safeCellAt(t, [2, 2, 1]), { suppressed: true, reason: 'primary' });
    assert.equal(
      safeCellAt(t, ['total', 'total', 'total']),
      counts.flat(2).reduce((a, b) => a + b, 0),
    );
  });
});

describe('suppressCounts: refusals', () => {
  it('refuses thresholds below 3', () => {
    for (const threshold of [2, 1, 0, -5, 2.5]) {
      assert.throws(
        () => suppressCounts({ dimensions: [acts], counts: [3, 40, 12] }, { threshold }),
        (e: unknown) => e instanceof StatisticsError && e.code === 'THRESHOLD_TOO_LOW',
        String(threshold),
      );
    }
  });

  it('accepts a higher threshold and hides more', () => {
    const t = suppressCounts({ dimensions: [acts], counts: [3, 8, 12] }, { threshold: 10 });
    assert.deepEqual(safeCellAt(t, [1]), { suppressed: true, reason: 'primary' });
  });

  it('refuses counts that are not whole non-negative numbers or do not match the dimensions', () => {
    for (const counts of [
      [3, -1, 12],
      [3, 1.5, 12],
      [3, 40],
    ]) {
      assert.throws(
        () => suppressCounts({ dimensions: [acts], counts }),
        (e: unknown) => e instanceof StatisticsError && e.code === 'INVALID_TABLE',
      );
    }
    assert.throws(() => suppressCounts({ dimensions: [], counts: [] }), StatisticsError);
  });
});
