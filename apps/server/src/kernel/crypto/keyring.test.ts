// Envelope encryption as later modules will use it for every personal field.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describeOnBothDatabases } from '../../testing/on-both-databases.ts';
import { Keyring } from './keyring.ts';
import { registerEncryptedColumn, rewrapUnderNewMasterKey, rotateOrgDataKey } from './key-rotation.ts';

describeOnBothDatabases('encryption at rest', (h) => {
  it('stores a name only as ciphertext and reads it back', async () => {
    const orgId = await h().createOrg('cifrado');
    await h().ctx.db.exec(
      'CREATE TABLE test_notes (id serial PRIMARY KEY, org_id uuid NOT NULL, body bytea NOT NULL, name_index text[] NOT NULL)',
    );
    const sealed = await h().ctx.keyring.encrypt(orgId, 'test_notes.body', 'Dania Maradiaga, Honduras');
    const index = await h().ctx.keyring.blindIndex(orgId, 'person.name', ['dania', 'maradiaga']);
    await h().ctx.db.query('INSERT INTO test_notes (org_id, body, name_index) VALUES ($1, $2, $3)', [
      orgId,
      sealed,
      index,
    ]);
    const { rows } = await h().ctx.db.query<{ body: Uint8Array; dump: string }>(
      'SELECT body, row_to_json(test_notes)::text AS dump FROM test_notes',
    );
    assert.doesNotMatch(rows[0]?.dump ?? '', /Maradiaga|Dania/i);
    assert.equal(await h().ctx.keyring.decrypt(orgId, 'test_notes.body', rows[0]?.body), 'Dania Maradiaga, Honduras');
  });

  it('finds a row by blind index without decrypting anything', async () => {
    const orgId = (
      await h().ctx.db.query<{ id: string }>("SELECT id::text AS id FROM organisations WHERE slug = 'cifrado'")
    ).rows[0]?.id as string;
    const [probe] = await h().ctx.keyring.blindIndex(orgId, 'person.name', ['maradiaga']);
    const { rows } = await h().ctx.db.query('SELECT id FROM test_notes WHERE name_index && $1::text[]', [[probe]]);
    assert.equal(rows.length, 1);
  });

  it('gives different blind indexes to the same name in two organisations', async () => {
    const a = await h().createOrg('org-uno');
    const b = await h().createOrg('org-dos');
    const [x] = await h().ctx.keyring.blindIndex(a, 'person.name', ['garcia']);
    const [y] = await h().ctx.keyring.blindIndex(b, 'person.name', ['garcia']);
    assert.notEqual(x, y);
  });

  it('refuses a ciphertext moved to another field or organisation', async () => {
    const a = await h().createOrg('org-tres');
    const sealed = await h().ctx.keyring.encrypt(a, 'people.given_names', 'Kevin');
    await assert.rejects(h().ctx.keyring.decrypt(a, 'people.surnames', sealed), { code: 'crypto.decrypt_failed' });
    const b = await h().createOrg('org-cuatro');
    await assert.rejects(h().ctx.keyring.decrypt(b, 'people.given_names', sealed), { code: 'crypto.decrypt_failed' });
  });

  it('rotates an organisation key, re-encrypting its registered columns', async () => {
    const orgId = (
      await h().ctx.db.query<{ id: string }>("SELECT id::text AS id FROM organisations WHERE slug = 'cifrado'")
    ).rows[0]?.id as string;
    registerEncryptedColumn({
      table: 'test_notes',
      idColumn: 'id',
      orgColumn: 'org_id',
      column: 'body',
      context: 'test_notes.body',
    });
    const report = await rotateOrgDataKey(h().ctx.db, h().ctx.keyring, orgId);
    assert.deepEqual(report, { newVersion: 2, reencrypted: 1 });
    const { rows } = await h().ctx.db.query<{ body: Uint8Array }>('SELECT body FROM test_notes');
    assert.equal(Keyring.keyVersionOf(rows[0]?.body), 2);
    assert.equal(await h().ctx.keyring.decrypt(orgId, 'test_notes.body', rows[0]?.body), 'Dania Maradiaga, Honduras');
  });

  it('re-wraps every key under a new master key; the old key then no longer opens the database', async () => {
    const oldKey = Buffer.from(h().config.masterKey as string, 'hex');
    const newKey = randomBytes(32);
    await rewrapUnderNewMasterKey(h().ctx.db, oldKey, newKey);
    await assert.rejects(Keyring.open(h().ctx.db, oldKey), { code: 'crypto.master_key_mismatch' });
    const reopened = await Keyring.open(h().ctx.db, newKey);
    const orgId = (
      await h().ctx.db.query<{ id: string }>("SELECT id::text AS id FROM organisations WHERE slug = 'cifrado'")
    ).rows[0]?.id as string;
    const { rows } = await h().ctx.db.query<{ body: Uint8Array }>('SELECT body FROM test_notes');
    assert.equal(await reopened.decrypt(orgId, 'test_notes.body', rows[0]?.body), 'Dania Maradiaga, Honduras');
  });
});
