// Key rotation must cover every encrypted column, and the list it works from must be the database's
// own: every bytea column of the migrated schema (the type every encrypted field is stored in) is
// either registered for data-key rotation when only the runtime is loaded (the CLI never builds the
// HTTP app), or named below with the reason it is not under an organisation's data key. A new
// encrypted column that a module forgets to register fails here without anyone updating a list.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createTestDatabase } from '../../testing/test-database.ts';

const root = fileURLToPath(new URL('../../../../../', import.meta.url));

/** bytea columns that are not personal data under an organisation's data key, and why. */
const NOT_UNDER_A_DATA_KEY: Record<string, string> = {
  'org_keys.wrapped_key': 'the data keys themselves, wrapped by the master key (rewrapped by keys rotate-master)',
  'system_keys.wrapped_key': 'system keys wrapped by the master key (rewrapped by keys rotate-master)',
  'accounts.totp_secret': "sealed under the system 'accounts' key: accounts span organisations",
  'accounts.totp_pending_secret': "sealed under the system 'accounts' key: accounts span organisations",
  'oidc_providers.client_secret': "sealed under the system 'accounts' key: sign-in configuration, not a person's data",
  'passkeys.public_key': 'a public key: nothing secret or personal',
  'federation_identity.private_key':
    "the deployment's signing key, sealed under the system key: no organisation's data",
  'portal_images.bytes': 'public portal images, published to everyone',
};

function registeredColumns(): string[] {
  const script = `
    await import('./apps/server/src/bootstrap.ts');
    const { encryptedColumns } = await import('./apps/server/src/kernel/crypto/key-rotation.ts');
    console.log(JSON.stringify(encryptedColumns().map((c) => c.table + '.' + c.column)));`;
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: root,
    encoding: 'utf8',
  });
  assert.equal(run.status, 0, run.stderr);
  return JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '[]') as string[];
}

async function byteaColumnsOfTheSchema(): Promise<string[]> {
  const test = await createTestDatabase('pglite');
  try {
    const result = await test.db.query<{ name: string }>(
      `SELECT table_name || '.' || column_name AS name FROM information_schema.columns
        WHERE table_schema = 'public' AND data_type = 'bytea' ORDER BY 1`,
    );
    return result.rows.map((r) => r.name);
  } finally {
    await test.drop();
  }
}

describe('encrypted columns registered for rotation', () => {
  it('are every bytea column of the migrated schema but the documented exceptions', async () => {
    const registered = new Set(registeredColumns());
    const catalogue = await byteaColumnsOfTheSchema();
    assert.ok(catalogue.length > 50, `the catalogue lists ${catalogue.length} bytea columns`);
    assert.deepEqual(
      catalogue.filter((c) => !registered.has(c) && !(c in NOT_UNDER_A_DATA_KEY)),
      [],
      'bytea columns neither registered for rotation nor explained in NOT_UNDER_A_DATA_KEY',
    );
    assert.deepEqual(
      [...registered].filter((c) => !catalogue.includes(c)),
      [],
      'registered columns that the schema does not have (a typo would rotate nothing)',
    );
    assert.deepEqual(
      Object.keys(NOT_UNDER_A_DATA_KEY).filter((c) => registered.has(c) || !catalogue.includes(c)),
      [],
      'exceptions that are registered after all, or no longer exist',
    );
  });
});
