import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { base32Decode, base32Encode, hotp, matchTotp, newTotpSecret, totpCode, totpStep } from './totp.ts';

describe('two-factor codes (TOTP)', () => {
  it('matches the RFC 4226 HOTP test vectors', () => {
    const secret = Buffer.from('12345678901234567890');
    const expected = [
      '755224',
      '287082',
      '359152',
      '969429',
      '338314',
      '254676',
      '287922',
      '162583',
      '399871',
      '520489',
    ];
    expected.forEach((code, counter) => assert.equal(hotp(secret, counter), code));
  });

  it('matches the RFC 6238 SHA-1 vectors (8 digits)', () => {
    const secret = Buffer.from('12345678901234567890');
    assert.equal(hotp(secret, totpStep(new Date(59_000)), 8), '94287082');
    assert.equal(hotp(secret, totpStep(new Date(1_111_111_109_000)), 8), '07081804');
    assert.equal(hotp(secret, totpStep(new Date(20_000_000_000_000)), 8), '65353130');
  });

  it('round-trips base32 secrets', () => {
    const bytes = Buffer.from('hola, mundo! 12345');
    assert.deepEqual(base32Decode(base32Encode(bytes)), bytes);
    assert.equal(base32Encode(Buffer.from('12345678901234567890')), 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
  });

  it('accepts the previous step for a slow phone clock but not one two minutes old', () => {
    const secret = newTotpSecret();
    const now = new Date('2026-11-23T12:00:10Z');
    assert.equal(matchTotp(secret, totpCode(secret, new Date(now.getTime() - 30_000)), now), totpStep(now) - 1);
    assert.equal(matchTotp(secret, totpCode(secret, new Date(now.getTime() - 120_000)), now), undefined);
    assert.equal(matchTotp(secret, 'abc123', now), undefined);
  });
});
