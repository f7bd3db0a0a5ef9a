// This deployment's signing identity: one Ed25519 key pair, made on first use. The private key
// is stored sealed under the deployment's system key and never leaves the process; the public key
// and its fingerprint are what partners see (docs/federation.md §1).
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import type { Database } from '../kernel/db/database.ts';
import type { Keyring } from '../kernel/crypto/keyring.ts';

const SEAL_CONTEXT = 'federation.signing_key';
// DER prefix of an Ed25519 SubjectPublicKeyInfo; the raw key follows (RFC 8410).
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export interface SigningIdentity {
  publicKey: string;
  fingerprint: string;
  privateKey: KeyObject;
}

/** SHA-256 of the raw public key, upper-case hex in 16 groups of four: read aloud between administrators. */
export function fingerprintOf(publicKeyB64url: string): string {
  const hex = createHash('sha256').update(Buffer.from(publicKeyB64url, 'base64url')).digest('hex').toUpperCase();
  return hex.match(/.{4}/g)!.join('-');
}

/** A peer's raw public key (base64url) as a Node key object; throws on anything but 32 bytes. */
export function publicKeyObject(publicKeyB64url: string): KeyObject {
  const raw = Buffer.from(publicKeyB64url, 'base64url');
  if (raw.length !== 32) throw new Error('an Ed25519 public key is 32 bytes');
  return createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
}

export function createIdentityStore(deps: { db: Database; keyring: Keyring }) {
  let cached: SigningIdentity | undefined;

  async function load(): Promise<SigningIdentity | undefined> {
    const { rows } = await deps.db.query<{ public_key: string; private_key: unknown }>(
      'SELECT public_key, private_key FROM federation_identity WHERE id = 1',
    );
    const row = rows[0];
    if (!row) return undefined;
    const der = Buffer.from(deps.keyring.openForAccounts(row.private_key, SEAL_CONTEXT), 'base64');
    return {
      publicKey: row.public_key,
      fingerprint: fingerprintOf(row.public_key),
      privateKey: createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }),
    };
  }

  return {
    async identity(): Promise<SigningIdentity> {
      if (cached) return cached;
      let found = await load();
      if (!found) {
        const pair = generateKeyPairSync('ed25519');
        const raw = pair.publicKey.export({ format: 'der', type: 'spki' }).subarray(ED25519_SPKI_PREFIX.length);
        const der = pair.privateKey.export({ format: 'der', type: 'pkcs8' });
        // Two processes starting together: the first insert wins and both use it.
        await deps.db.query(
          'INSERT INTO federation_identity (id, public_key, private_key) VALUES (1, $1, $2) ON CONFLICT (id) DO NOTHING',
          [raw.toString('base64url'), deps.keyring.sealForAccounts(der.toString('base64'), SEAL_CONTEXT)],
        );
        found = await load();
      }
      cached = found as SigningIdentity;
      return cached;
    },
  };
}

export type IdentityStore = ReturnType<typeof createIdentityStore>;
