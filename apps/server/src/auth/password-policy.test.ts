// New passwords: at least 12 characters and not a common or leaked one, each refusal naming its
// field in the person's language; the check is offline (decision 0140, OWASP ASVS 2.1.1 / 2.1.7).
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnBothDatabases } from '../testing/on-both-databases.ts';
import { TEST_PASSWORD } from '../testing/test-harness.ts';
import { checkNewPassword, isCommonPassword } from './password-policy.ts';

it('refuses common passwords, also stretched with digits or symbols or repeated, and keeps passphrases', () => {
  for (const common of [
    'qwerty123456',
    '1qaz2wsx3edc',
    'Password2026!',
    'contraseña123',
    'dragondragon',
    '!!football!!',
  ])
    assert.equal(isCommonPassword(common), true, common);
  for (const fine of [TEST_PASSWORD, 'la clave de dora', 'acompana-demo-2026', 'tres perros miran la luna'])
    assert.equal(isCommonPassword(fine), false, fine);
  assert.throws(() => checkNewPassword('corta-11chr', 'password'), { code: 'orgs.weak_password', field: 'password' });
  // Characters, not bytes: 12 letters with accents are 12.
  assert.doesNotThrow(() => checkNewPassword('ñandú cañón!', 'password'));
});

describeOnBothDatabases('password policy at the API', (h) => {
  it('names the field and says what to do, in Spanish and English; nothing changes', async () => {
    await h().createAccount({ org: 'casa', email: 'eva@casa.example', role: 'analyst' });
    const eva = await h().login('eva@casa.example');
    const short = await eva.post(
      '/api/account/password',
      { currentPassword: TEST_PASSWORD, newPassword: 'once letras' },
      { 'accept-language': 'es' },
    );
    assert.equal(short.statusCode, 400);
    const shortBody = short.json() as { code: string; field: string; message: string };
    assert.deepEqual([shortBody.code, shortBody.field], ['orgs.weak_password', 'newPassword']);
    assert.match(shortBody.message, /al menos 12 caracteres/);
    const common = await eva.post(
      '/api/account/password',
      { currentPassword: TEST_PASSWORD, newPassword: 'qwerty123456' },
      { 'accept-language': 'en' },
    );
    const commonBody = common.json() as { code: string; field: string; message: string };
    assert.deepEqual([commonBody.code, commonBody.field], ['orgs.common_password', 'newPassword']);
    assert.match(commonBody.message, /leaked passwords/);
    await h().login('eva@casa.example'); // the old password still works
  });
});
