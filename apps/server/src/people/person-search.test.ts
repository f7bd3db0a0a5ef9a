// The keys and the ranking behind tolerant search, without a database.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { nameScore, queryKeyCombos, queryNameKeys, recordNameKeys, normaliseDocumentNumber } from './person-search.ts';

const shares = (q: string, record: { givenNames: string; surnames: string; aliases?: string[] }) => {
  const r = new Set(recordNameKeys(record).name);
  return queryKeyCombos(q).some((combo) => combo.every((k) => r.has(k)));
};

describe('blind-index keys of names', () => {
  it('gives "Kevin Albarenga" and "Kebin Alvarenga" the same phonetic keys', () => {
    assert.ok(shares('Kevin Albarenga', { givenNames: 'Kebin', surnames: 'Alvarenga' }));
  });

  it('ignores accents, case, particles and surname order', () => {
    assert.ok(shares('LOPEZ garcia', { givenNames: 'Ana', surnames: 'García López' }));
    assert.ok(shares('juana cruz', { givenNames: 'Juana', surnames: 'de la Cruz' }));
    assert.ok(shares('Yesenia Jicara', { givenNames: 'Llesenia', surnames: 'Xicará' }));
  });

  it('maps a nickname in the query to the registered name', () => {
    assert.ok(shares('Pancho', { givenNames: 'Francisco', surnames: 'Yáñez' }));
  });

  it('never contains the name itself in a key that leaves the process un-hashed', () => {
    // The keys are HMACed before storage; here we only check they are derived, typed forms.
    assert.ok(queryNameKeys('María').name.every((k) => /^[tp]:/.test(k)));
  });

  it('normalises document numbers to letters and digits', () => {
    assert.equal(normaliseDocumentNumber('g-778 899'), 'G778899');
  });
});

describe('ranking', () => {
  it('prefers the record whose whole name the query covers', () => {
    const exact = nameScore('maria hernandez', { givenNames: 'María', surnames: 'Hernández' });
    const longer = nameScore('maria hernandez', { givenNames: 'María José', surnames: 'Hernández Núñez' });
    assert.ok(exact > longer && longer > 0.8, `${exact} ${longer}`);
  });

  it('scores an unrelated name below the display threshold', () => {
    assert.ok(nameScore('Pedro Martinez', { givenNames: 'Wilner', surnames: 'Jean-Baptiste' }) < 0.45);
  });
});
