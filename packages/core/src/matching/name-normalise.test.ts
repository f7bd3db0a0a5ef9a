import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { foldText, nameTokens } from './text-normalise.ts';
import { consonantSkeleton, spanishPhonetic } from './spanish-phonetic.ts';
import { canonicalGivenName, nicknameEquivalent } from './nicknames.ts';
import { jaroWinkler, editDistance } from './jaro-winkler.ts';

const sameSound = (a: string, b: string): boolean => spanishPhonetic(foldText(a)) === spanishPhonetic(foldText(b));

describe('name normalisation', () => {
  it('ignores accents, case and punctuation', () => {
    assert.equal(foldText('GÉNESIS Ordóñez'), 'genesis ordonez');
    assert.equal(foldText('Cap-Haïtien'), 'cap haitien');
  });

  it('drops the particles of "de la Cruz", "del Carmen" and "de los Santos"', () => {
    assert.deepEqual(nameTokens('de la Cruz'), ['cruz']);
    assert.deepEqual(nameTokens('María del Carmen'), ['maria', 'carmen']);
    assert.deepEqual(nameTokens('De Los Santos Quej'), ['santos', 'quej']);
  });

  it('splits compound names written with a hyphen or a space the same way', () => {
    assert.deepEqual(nameTokens('Jean-Baptiste'), nameTokens('Jean Baptiste'));
  });
});

describe('Spanish phonetic key', () => {
  it('hears b/v, s/z/c, ll/y, j/g/x, silent h, qu/k and doubled letters as the same', () => {
    assert.ok(sameSound('Kevin', 'Kebin'));
    assert.ok(sameSound('González', 'Gonzales'));
    assert.ok(sameSound('Cecilia', 'Sesilia'));
    assert.ok(sameSound('Castillo', 'Castiyo'));
    assert.ok(sameSound('Jiménez', 'Giménez'));
    assert.ok(sameSound('Ximena', 'Jimena'));
    assert.ok(sameSound('Hernández', 'Ernandez'));
    assert.ok(sameSound('Quiroa', 'Kiroa'));
    assert.ok(sameSound('Herrera', 'Herera'));
    assert.ok(sameSound('Brayan', 'Brallan'));
  });

  it('keeps different names apart', () => {
    assert.ok(!sameSound('Pedro', 'Pablo'));
    assert.ok(!sameSound('Luna', 'Lara'));
  });

  it('gives typo-tolerant skeletons for vowel slips and doubled letters', () => {
    assert.equal(consonantSkeleton('hrerera'), consonantSkeleton('herrera'));
    assert.equal(consonantSkeleton('slois'), consonantSkeleton('solis'));
  });
});

describe('nicknames', () => {
  it('maps Pancho, Paco, Chuy, Lupe, Memo, Nacho, Kike and Toño to the registered name', () => {
    assert.equal(canonicalGivenName('pancho'), 'francisco');
    assert.equal(canonicalGivenName('paco'), 'francisco');
    assert.equal(canonicalGivenName('chuy'), 'jesus');
    assert.equal(canonicalGivenName('lupe'), 'guadalupe');
    assert.equal(canonicalGivenName('memo'), 'guillermo');
    assert.equal(canonicalGivenName('nacho'), 'ignacio');
    assert.equal(canonicalGivenName('kike'), 'enrique');
    assert.equal(canonicalGivenName(foldText('Toño')), 'antonio');
  });

  it('lets Beto stand for either Alberto or Roberto, but not for Pedro', () => {
    assert.ok(nicknameEquivalent('beto', 'alberto'));
    assert.ok(nicknameEquivalent('beto', 'roberto'));
    assert.ok(!nicknameEquivalent('beto', 'pedro'));
  });
});

describe('string measures', () => {
  it('rates a transposition typo high and different names low', () => {
    assert.ok(jaroWinkler('hector', 'hcetor') > 0.9);
    assert.ok(jaroWinkler('hector', 'wilmer') < 0.6);
  });

  it('counts one mistyped or swapped digit in a document number as one edit', () => {
    assert.equal(editDistance('1307904887', '1307904878'), 1);
    assert.equal(editDistance('1307904887', '1307904837'), 1);
    assert.ok(editDistance('1307904887', '9999999999', 2) > 2);
  });
});
