// The hypercube on its own (no LP audit to repair it): every box must be a real integer move that
// keeps every published sum, and the tables it protects must resist the exact attacks, the
// brute-force enumeration on 2-way tables and the interval attack on 3-way ones.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { bruteForceRanges } from './brute-force-attack.reference.ts';
import { buildLayout, coordsOf, fillCube } from './count-table.model.ts';
import { protectWithBoxes } from './hypercube.heuristic.ts';
import { attackIntervals, findWeakCells } from './interval-attack.solver.ts';
import { PRIMARY, PUBLISHED, SuppressionState } from './secondary-suppression.heuristic.ts';
import { decideSuppression, resolveOptions, suppressCounts } from './suppression.service.ts';
import type { DimensionSpec } from './statistics.types.ts';

const dims = (sizes: readonly number[]): DimensionSpec[] =>
  sizes.map((n, d) => ({ name: `d${d}`, categories: Array.from({ length: n }, (_, k) => `c${k}`) }));
const count = fc.oneof(
  { arbitrary: fc.integer({ min: 0, max: 4 }), weight: 3 },
  { arbitrary: fc.integer({ min: 0, max: 14 }), weight: 2 },
);
const cube = fc
  .tuple(fc.integer({ min: 2, max: 4 }), fc.integer({ min: 2, max: 4 }), fc.integer({ min: 2, max: 3 }))
  .chain(([a, b, c]) =>
    fc.array(fc.array(fc.array(count, { minLength: c, maxLength: c }), { minLength: b, maxLength: b }), {
      minLength: a,
      maxLength: a,
    }),
  );
const zerosMode = fc.constantFrom<'publish' | 'suppress'>('publish', 'suppress');

/** Every line's inner cells add up to its total. */
function additive(layout: ReturnType<typeof buildLayout>, y: readonly number[]): boolean {
  return layout.lines.every(
    (line) => line.cells.slice(0, -1).reduce((s, c) => s + y[c]!, 0) === y[line.cells[line.cells.length - 1]!],
  );
}

describe('hypercube boxes', () => {
  it('each box is an integer move through hidden cells only that keeps every sum and spans the protection level', () => {
    fc.assert(
      fc.property(cube, fc.integer({ min: 3, max: 7 }), zerosMode, (counts, threshold, zeros) => {
        const sizes = [counts.length, counts[0]!.length, counts[0]![0]!.length];
        const layout = buildLayout(sizes);
        const values = fillCube(layout, { dimensions: dims(sizes), counts });
        const state = new SuppressionState(layout, values);
        const primaries: number[] = [];
        values.forEach((v, c) => {
          if ((v > 0 && v < threshold) || (v === 0 && zeros === 'suppress')) {
            state.hide(c, PRIMARY);
            primaries.push(c);
          }
        });
        const lower = (c: number): number => (zeros === 'publish' && values[c]! > 0 ? 1 : 0);
        const boxes = protectWithBoxes(state, primaries, {
          protectionLevel: threshold,
          lowerBound: lower,
          usable: (c) => values[c]! > 0 || zeros === 'suppress',
          cellCost: 10,
        });
        assert.equal(boxes.length, primaries.length);
        for (const box of boxes) {
          assert.equal(box.corners[0], box.cell);
          assert.ok(box.down + box.up >= threshold, `box of ${box.cell} spans ${box.down} + ${box.up}`);
          // The move, recomputed from the corners' coordinates: +1 at the cell's index along each
          // dimension, ∓1 at the partner's (+1 when one of the two is the total).
          const at = coordsOf(box.cell, layout.shape, layout.strides);
          const move = new Map<number, number>();
          for (const corner of box.corners) {
            const xy = coordsOf(corner, layout.shape, layout.strides);
            const sign = xy.reduce((s, k, d) => (k === at[d] || k === sizes[d] || at[d] === sizes[d] ? s : -s), 1);
            move.set(corner, sign);
          }
          assert.equal(move.size, 1 << sizes.length, 'the corners are distinct');
          const steps = [-box.down, box.up === Infinity ? threshold : box.up];
          for (const t of steps) {
            const y = values.map((v, c) => v + t * (move.get(c) ?? 0));
            assert.ok(additive(layout, y), `moving box of ${box.cell} by ${t} breaks a total`);
            for (const [c] of move) {
              assert.notEqual(state.status[c], PUBLISHED, 'a corner is hidden');
              assert.ok(y[c]! >= lower(c), `corner ${c} = ${y[c]} under ${lower(c)}`);
            }
          }
        }
      }),
      { numRuns: 120, seed: 122 },
    );
  });

  it('3-way tables protected by boxes alone resist the interval attack', () => {
    fc.assert(
      fc.property(cube, zerosMode, (counts, zeros) => {
        const sizes = [counts.length, counts[0]!.length, counts[0]![0]!.length];
        const options = resolveOptions({ zeros, verify: false });
        const { layout, values, status, verification } = decideSuppression(
          { dimensions: dims(sizes), counts },
          options,
        );
        assert.equal(verification, 'box');
        const lowerBound = (c: number): number => (zeros === 'publish' && values[c]! > 0 ? 1 : 0);
        for (let c = 0; c < layout.cellCount; c++) {
          const v = values[c]!;
          if (status[c] === PUBLISHED)
            assert.ok(v === 0 ? zeros === 'publish' : v >= options.threshold, `published ${v}`);
          else if (zeros === 'publish') assert.ok(v > 0, 'a published zero is never hidden');
        }
        for (const { cell, min, max } of attackIntervals({ layout, values, hidden: status, lowerBound })) {
          assert.ok(min <= values[cell]! && values[cell]! <= max, 'the true table is feasible');
          assert.ok(
            max - min >= (status[cell] === PRIMARY ? options.protectionLevel : 1),
            `cell ${cell} = ${values[cell]} in [${min}, ${max}]`,
          );
        }
      }),
      { numRuns: 60, seed: 5 },
    );
  });

  it('2-way tables protected by boxes alone resist the brute-force enumeration', () => {
    const table = fc
      .tuple(fc.integer({ min: 2, max: 3 }), fc.integer({ min: 2, max: 3 }))
      .chain(([r, c]) => fc.array(fc.array(count, { minLength: c, maxLength: c }), { minLength: r, maxLength: r }));
    let attacked = 0;
    fc.assert(
      fc.property(table, zerosMode, (counts, zeros) => {
        const rows = counts.length;
        const cols = counts[0]!.length;
        const options = resolveOptions({ zeros, verify: false });
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
        if (!ranges) return;
        attacked++;
        for (const [cell, range] of ranges) {
          assert.ok(
            range.max - range.min >= (status[cell] === PRIMARY ? options.protectionLevel : 1),
            `cell ${cell} = ${values[cell]} in [${range.min}, ${range.max}]`,
          );
        }
      }),
      { numRuns: 100, seed: 9 },
    );
    assert.ok(attacked >= 60, `only ${attacked} of 100 tables could be enumerated`);
  });

  it('protects a 32 × 12 × 3 table (state × month × sex, every margin published) by boxes the audit accepts', () => {
    let seed = 122;
    const random = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const counts = Array.from({ length: 32 }, () => {
      const rate = Math.exp(2 + random() * 3);
      return Array.from({ length: 12 }, () => [0.55, 0.42, 0.03].map((s) => Math.floor(random() * 2 * rate * s)));
    });
    const input = { dimensions: dims([32, 12, 3]), counts };
    const table = suppressCounts(input);
    assert.equal(table.report.verification, 'box');
    assert.ok(table.report.primary > 200, `${table.report.primary} primary cells`);
    // The engine's own attack, which proves cells by box moves first and solves LPs for the rest:
    // it finds no weak cell.
    const layout = buildLayout([32, 12, 3]);
    const values = fillCube(layout, input);
    const hidden = Uint8Array.from(table.cells, (c) => (typeof c === 'number' ? 0 : 1));
    const weak = findWeakCells({ layout, values, hidden, lowerBound: (c) => (values[c]! > 0 ? 1 : 0) }, (c) => {
      const cell = table.cells[c]!;
      return typeof cell !== 'number' && cell.reason === 'primary' ? 5 : 1;
    });
    assert.deepEqual(weak, []);
  });
});
