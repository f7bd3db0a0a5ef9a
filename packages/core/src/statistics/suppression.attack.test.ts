// The attack tests: random tables are protected, then attacked — by brute-force enumeration on
// small tables (independent of the engine's solver) and by the engine's own LP on larger ones.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { bruteForceRanges } from './brute-force-attack.reference.ts';
import { buildLayout, fillCube } from './count-table.model.ts';
import { attackIntervals } from './interval-attack.solver.ts';
import { PRIMARY, PUBLISHED } from './secondary-suppression.heuristic.ts';
import { decideSuppression, resolveOptions, suppressCounts } from './suppression.service.ts';
import type { DimensionSpec } from './statistics.types.ts';

const dims = (sizes: readonly number[]): DimensionSpec[] =>
  sizes.map((n, d) => ({ name: `d${d}`, categories: Array.from({ length: n }, (_, k) => `c${k}`) }));

// Counts of the kind the network publishes: many small, some zero, some large.
const count = fc.oneof(
  { arbitrary: fc.integer({ min: 0, max: 4 }), weight: 3 },
  { arbitrary: fc.integer({ min: 0, max: 14 }), weight: 2 },
);
const smallTable = fc
  .tuple(fc.integer({ min: 2, max: 3 }), fc.integer({ min: 2, max: 3 }))
  .chain(([r, c]) => fc.array(fc.array(count, { minLength: c, maxLength: c }), { minLength: r, maxLength: r }));

describe('attack on small 2-D tables (brute-force enumeration)', () => {
  it('no hidden cell can be pinned down: each takes several values, a small one spans the protection level', () => {
    let attacked = 0;
    fc.assert(
      fc.property(smallTable, fc.constantFrom<'publish' | 'suppress'>('publish', 'suppress'), (counts, zeros) => {
        const rows = counts.length;
        const cols = counts[0]!.length;
        const options = resolveOptions({ threshold: 5, zeros });
        const { values, status } = decideSuppression({ dimensions: dims([rows, cols]), counts }, options);
        const lowerBound = (c: number): number => (zeros === 'publish' && values[c]! > 0 ? 1 : 0);
        const ranges = bruteForceRanges({
          rows,
          cols,
          values,
          hidden: Array.from(status, (s) => s !== PUBLISHED),
          lowerBound,
          openCap: (c) => values[c]! + options.protectionLevel + 1,
          budget: 300_000,
        });
        if (!ranges) return; // too many fillings to enumerate: counted below
        attacked++;
        for (const [cell, range] of ranges) {
          assert.ok(range.max > range.min, `cell ${cell} (${values[cell]}) is determined exactly`);
          assert.ok(range.min <= values[cell]! && values[cell]! <= range.max, 'the true table is one of the fillings');
          if (status[cell] === PRIMARY) {
            assert.ok(
              range.max - range.min >= options.protectionLevel,
              `cell ${cell} = ${values[cell]} narrowed to [${range.min}, ${range.max}]`,
            );
          }
        }
      }),
      { numRuns: 150, seed: 106 },
    );
    assert.ok(attacked >= 110, `only ${attacked} of 150 tables could be enumerated`);
  });

  it('the LP attack finds the same intervals as the enumeration', () => {
    fc.assert(
      fc.property(smallTable, (counts) => {
        const rows = counts.length;
        const cols = counts[0]!.length;
        const layout = buildLayout([rows, cols]);
        const values = fillCube(layout, { dimensions: dims([rows, cols]), counts });
        // Hide an arbitrary set (not the engine's choice) to test the solver on its own.
        const hidden = Uint8Array.from(values, (v, c) => (v > 0 && (v < 6 || c % 3 === 0) ? 1 : 0));
        const lowerBound = (c: number): number => (values[c]! > 0 ? 1 : 0);
        // One cap for every cell, above any value a consistent filling can reach when a total bounds it.
        const cap = (_c: number): number => values[values.length - 1]! + 3;
        const brute = bruteForceRanges({
          rows,
          cols,
          values,
          hidden: Array.from(hidden, Boolean),
          lowerBound,
          openCap: cap,
          budget: 300_000,
        });
        if (!brute) return;
        for (const { cell, min, max } of attackIntervals({ layout, values, hidden, lowerBound })) {
          const r: { min: number; max: number } = brute.get(cell)!;
          assert.equal(min, r.min, `min of cell ${cell}`);
          if (r.max < cap(cell)) assert.equal(max, r.max, `max of cell ${cell}`);
          else assert.ok(max >= cap(cell));
        }
      }),
      { numRuns: 60, seed: 7 },
    );
  });
});

describe('attack on larger tables (LP)', () => {
  const mediumTable = fc
    .tuple(fc.integer({ min: 2, max: 8 }), fc.integer({ min: 2, max: 8 }))
    .chain(([r, c]) => fc.array(fc.array(count, { minLength: c, maxLength: c }), { minLength: r, maxLength: r }));

  it('publishes every count unaltered, nothing under the threshold, and resists the LP attack', () => {
    fc.assert(
      fc.property(mediumTable, fc.integer({ min: 3, max: 8 }), (counts, threshold) => {
        const rows = counts.length;
        const cols = counts[0]!.length;
        const input = { dimensions: dims([rows, cols]), counts };
        const table = suppressCounts(input, { threshold });
        const layout = buildLayout([rows, cols]);
        const values = fillCube(layout, input);
        const hidden = Uint8Array.from(table.cells, (c) => (typeof c === 'number' ? 0 : 1));
        table.cells.forEach((cell, c) => {
          if (typeof cell !== 'number') return;
          assert.equal(cell, values[c], 'a published value is the true count');
          assert.ok(cell === 0 || cell >= threshold, `published ${cell} under threshold ${threshold}`);
        });
        const lowerBound = (c: number): number => (values[c]! > 0 ? 1 : 0);
        for (const { cell, min, max } of attackIntervals({ layout, values, hidden, lowerBound })) {
          const c = table.cells[cell]!;
          const need = typeof c !== 'number' && c.reason === 'primary' ? threshold : 1;
          assert.ok(max - min >= need, `cell ${cell} = ${values[cell]} narrowed to [${min}, ${max}]`);
        }
      }),
      { numRuns: 80, seed: 2025 },
    );
  });

  it('protects 3-D tables against the LP attack', () => {
    const cube = fc
      .tuple(fc.integer({ min: 2, max: 4 }), fc.integer({ min: 2, max: 4 }), fc.integer({ min: 2, max: 3 }))
      .chain(([a, b, c]) =>
        fc.array(fc.array(fc.array(count, { minLength: c, maxLength: c }), { minLength: b, maxLength: b }), {
          minLength: a,
          maxLength: a,
        }),
      );
    fc.assert(
      fc.property(cube, (counts) => {
        const sizes = [counts.length, counts[0]!.length, counts[0]![0]!.length];
        const options = resolveOptions({});
        const { layout, values, status } = decideSuppression({ dimensions: dims(sizes), counts }, options);
        const lowerBound = (c: number): number => (values[c]! > 0 ? 1 : 0);
        for (const { cell, min, max } of attackIntervals({ layout, values, hidden: status, lowerBound })) {
          assert.ok(
            max - min >= (status[cell] === PRIMARY ? options.protectionLevel : 1),
            `cell ${cell} = ${values[cell]} in [${min}, ${max}]`,
          );
        }
      }),
      { numRuns: 40, seed: 3 },
    );
  });

  it('finishes a 30 × 32 table quickly', () => {
    let seed = 11;
    const random = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const counts = Array.from({ length: 30 }, () => Array.from({ length: 32 }, () => Math.floor(random() ** 3 * 60)));
    const started = performance.now();
    const table = suppressCounts({ dimensions: dims([30, 32]), counts });
    const ms = performance.now() - started;
    assert.ok(table.report.primary > 0);
    assert.ok(ms < 3000, `took ${Math.round(ms)} ms`);
  });
});
