import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { errorStatus } from '../errors.ts';
import { catalogueKeys, localeFromAcceptLanguage, translate } from './translate.ts';

describe('server messages', () => {
  it('has a Spanish and an English message for every error code, and no orphans', () => {
    const codes = Object.keys(errorStatus).sort();
    assert.deepEqual(
      catalogueKeys('es')
        .filter((k) => codes.includes(k))
        .sort(),
      codes,
    );
    assert.deepEqual(
      catalogueKeys('en')
        .filter((k) => codes.includes(k))
        .sort(),
      codes,
    );
    assert.deepEqual(catalogueKeys('es').sort(), catalogueKeys('en').sort());
  });

  it('uses the same placeholders in both languages', () => {
    for (const key of catalogueKeys('es')) {
      const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      assert.deepEqual(names(translate('es', key)), names(translate('en', key)), key);
    }
  });

  it('picks the language from Accept-Language, Spanish by default', () => {
    assert.equal(localeFromAcceptLanguage(undefined), 'es');
    assert.equal(localeFromAcceptLanguage('en-US,en;q=0.9'), 'en');
    assert.equal(localeFromAcceptLanguage('fr-FR,en;q=0.5,es;q=0.8'), 'es');
    assert.equal(localeFromAcceptLanguage('ht,fr;q=0.9'), 'es');
  });

  it('fills in parameters', () => {
    assert.equal(
      translate('en', 'auth.locked', { minutes: '15' }),
      'Too many failed attempts: this account is locked for 15 minutes.',
    );
  });
});
