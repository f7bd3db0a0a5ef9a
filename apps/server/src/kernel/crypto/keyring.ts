// Envelope encryption. Each organisation has data keys (AES-256-GCM, versioned for rotation)
// and a blind-index key (HMAC-SHA256), all random and stored wrapped by the master key.
// Deployment-wide keys (audit MAC, account secrets) are wrapped the same way. Unwrapped keys
// stay in process memory only.
import { createHmac, randomBytes } from 'node:crypto';
import { AppError } from '../errors.ts';
import { toBuffer, type Queryable } from '../db/database.ts';
import { openBytes, sealBytes } from './aes-gcm.ts';
import { masterKeyId } from './master-key.ts';

const FORMAT_V1 = 1;
const HEADER_BYTES = 5; // format byte + 32-bit key version

type SystemPurpose = 'audit' | 'accounts';

interface OrgKeys {
  currentVersion: number;
  data: Map<number, Buffer>;
  index: Buffer;
}

export function wrapAad(scope: string, purpose: string, version: number): string {
  return `acompana/wrap/v1|${scope}|${purpose}|${version}`;
}

export class Keyring {
  private readonly orgs = new Map<string, OrgKeys>();

  private constructor(
    private readonly db: Queryable,
    private readonly master: Buffer,
    private readonly system = new Map<SystemPurpose, Buffer>(),
  ) {}

  /**
   * A keyring that reads keys through `tx` (inside a transaction, where on PGlite the main
   * connection is busy). Its cache is its own, so keys seen in a transaction that later rolls
   * back never leak into the shared cache.
   */
  withQueryable(tx: Queryable): Keyring {
    return new Keyring(tx, this.master, this.system);
  }

  /**
   * Checks the master key against the database's fingerprint (recording it on first start)
   * and loads the deployment keys, creating them if missing.
   */
  static async open(db: Queryable, master: Buffer): Promise<Keyring> {
    const id = masterKeyId(master);
    await db.query('INSERT INTO deployment (id, master_key_id) VALUES (1, $1) ON CONFLICT (id) DO NOTHING', [id]);
    const { rows } = await db.query<{ master_key_id: string }>('SELECT master_key_id FROM deployment WHERE id = 1');
    if (rows[0]?.master_key_id !== id) throw new AppError('crypto.master_key_mismatch');
    const keyring = new Keyring(db, master);
    for (const purpose of ['audit', 'accounts'] as const) {
      const fresh = sealBytes(master, randomBytes(32), wrapAad('system', purpose, 1));
      await db.query(
        'INSERT INTO system_keys (purpose, wrapped_key) VALUES ($1, $2) ON CONFLICT (purpose) DO NOTHING',
        [purpose, fresh],
      );
      const stored = await db.query<{ wrapped_key: unknown }>(
        'SELECT wrapped_key FROM system_keys WHERE purpose = $1',
        [purpose],
      );
      keyring.system.set(
        purpose,
        openBytes(master, toBuffer(stored.rows[0]?.wrapped_key), wrapAad('system', purpose, 1)),
      );
    }
    return keyring;
  }

  /** Creates the first data and index keys of a new organisation (inside its creating transaction). */
  async createOrgKeys(tx: Queryable, orgId: string): Promise<void> {
    for (const purpose of ['data', 'index'] as const) {
      const wrapped = sealBytes(this.master, randomBytes(32), wrapAad(orgId, purpose, 1));
      await tx.query('INSERT INTO org_keys (org_id, purpose, version, wrapped_key) VALUES ($1, $2, 1, $3)', [
        orgId,
        purpose,
        wrapped,
      ]);
    }
  }

  /** Adds a new data-key version that becomes current; older versions stay for decryption until re-encrypted. */
  async addDataKeyVersion(tx: Queryable, orgId: string): Promise<number> {
    const { rows } = await tx.query<{ v: number }>(
      "SELECT coalesce(max(version), 0) AS v FROM org_keys WHERE org_id = $1 AND purpose = 'data'",
      [orgId],
    );
    const version = Number(rows[0]?.v ?? 0) + 1;
    const wrapped = sealBytes(this.master, randomBytes(32), wrapAad(orgId, 'data', version));
    await tx.query("INSERT INTO org_keys (org_id, purpose, version, wrapped_key) VALUES ($1, 'data', $2, $3)", [
      orgId,
      version,
      wrapped,
    ]);
    this.orgs.delete(orgId);
    return version;
  }

  forget(orgId: string): void {
    this.orgs.delete(orgId);
  }

  private async orgKeys(orgId: string, needVersion?: number): Promise<OrgKeys> {
    const cached = this.orgs.get(orgId);
    if (cached && (needVersion === undefined || cached.data.has(needVersion))) return cached;
    const { rows } = await this.db.query<{ purpose: string; version: number; wrapped_key: unknown }>(
      'SELECT purpose, version, wrapped_key FROM org_keys WHERE org_id = $1 AND retired_at IS NULL ORDER BY version',
      [orgId],
    );
    const data = new Map<number, Buffer>();
    let index: Buffer | undefined;
    for (const row of rows) {
      const key = openBytes(this.master, toBuffer(row.wrapped_key), wrapAad(orgId, row.purpose, row.version));
      if (row.purpose === 'data') data.set(row.version, key);
      else index = key;
    }
    if (data.size === 0 || !index) throw new AppError('crypto.decrypt_failed', { params: { org: orgId } });
    const keys = { currentVersion: Math.max(...data.keys()), data, index };
    this.orgs.set(orgId, keys);
    return keys;
  }

  /** Encrypts a personal field. `context` names where it lives (e.g. 'people.given_names'). */
  async encrypt(orgId: string, context: string, plaintext: string): Promise<Buffer> {
    const keys = await this.orgKeys(orgId);
    const key = keys.data.get(keys.currentVersion) as Buffer;
    const header = Buffer.alloc(HEADER_BYTES);
    header.writeUInt8(FORMAT_V1, 0);
    header.writeUInt32BE(keys.currentVersion, 1);
    return Buffer.concat([header, sealBytes(key, Buffer.from(plaintext, 'utf8'), `${orgId}|${context}`)]);
  }

  async decrypt(orgId: string, context: string, blob: unknown): Promise<string> {
    const bytes = toBuffer(blob);
    if (bytes.length < HEADER_BYTES || bytes.readUInt8(0) !== FORMAT_V1) throw new AppError('crypto.decrypt_failed');
    const version = bytes.readUInt32BE(1);
    const keys = await this.orgKeys(orgId, version);
    const key = keys.data.get(version);
    if (!key) throw new AppError('crypto.decrypt_failed');
    return openBytes(key, bytes.subarray(HEADER_BYTES), `${orgId}|${context}`).toString('utf8');
  }

  /** The data-key version a ciphertext was written with (for re-encryption after rotation). */
  static keyVersionOf(blob: unknown): number {
    return toBuffer(blob).readUInt32BE(1);
  }

  async currentDataKeyVersion(orgId: string): Promise<number> {
    return (await this.orgKeys(orgId)).currentVersion;
  }

  /**
   * Blind index of one normalised token: a keyed HMAC, truncated to 80 bits. Equal tokens give
   * equal indexes within an organisation (that is what makes search possible, and it is the
   * leak recorded in the threat model); without the key nothing can be computed from a name.
   */
  async blindIndex(orgId: string, context: string, tokens: readonly string[]): Promise<string[]> {
    const { index } = await this.orgKeys(orgId);
    return tokens.map((token) =>
      createHmac('sha256', index).update(`${context}\u0000${token}`).digest().subarray(0, 10).toString('base64url'),
    );
  }

  systemKey(purpose: SystemPurpose): Buffer {
    return this.system.get(purpose) as Buffer;
  }

  sealForAccounts(plaintext: string, context: string): Buffer {
    return sealBytes(this.systemKey('accounts'), Buffer.from(plaintext, 'utf8'), context);
  }

  openForAccounts(blob: unknown, context: string): string {
    return openBytes(this.systemKey('accounts'), toBuffer(blob), context).toString('utf8');
  }
}
