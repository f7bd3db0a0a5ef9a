// The master key wraps every organisation's data keys. It comes from ACOMPANA_MASTER_KEY or from
// a key file created on first start with 0600 permissions. A lost master key cannot be
// recovered: this is the point of encryption at rest (docs/operator-guide.md says so too).
import { createHash, randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../errors.ts';

export const MASTER_KEY_FILE = 'master.key';
export const PENDING_MASTER_KEY_FILE = 'master.key.new';

export function parseMasterKey(text: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
  if (key.length !== 32) throw new AppError('crypto.master_key_invalid');
  return key;
}

/** A short public fingerprint of the key, stored in the database to detect a wrong key at start. */
export function masterKeyId(key: Buffer): string {
  return createHash('sha256').update('acompana/master-key-id/v1').update(key).digest('hex').slice(0, 16);
}

export function generateMasterKeyText(): string {
  return randomBytes(32).toString('base64');
}

/** Writes a key file durably (fsync) with owner-only permissions; never overwrites. */
export function writeKeyFile(path: string, keyText: string): void {
  const fd = openSync(path, 'wx', 0o600);
  try {
    writeSync(fd, `${keyText}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export interface MasterKeySource {
  key: Buffer;
  /** 'env' or the path of the key file. */
  origin: string;
  created: boolean;
}

export function loadOrCreateMasterKey(options: { masterKey: string | undefined; dataDir: string }): MasterKeySource {
  if (options.masterKey) return { key: parseMasterKey(options.masterKey), origin: 'env', created: false };
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const path = join(options.dataDir, MASTER_KEY_FILE);
  if (existsSync(path)) {
    const mode = statSync(path).mode & 0o777;
    if (mode & 0o077)
      console.warn(`warning: ${path} is readable by other users (mode ${mode.toString(8)}); run chmod 600 on it`);
    return { key: parseMasterKey(readFileSync(path, 'utf8')), origin: path, created: false };
  }
  writeKeyFile(path, generateMasterKeyText());
  return { key: parseMasterKey(readFileSync(path, 'utf8')), origin: path, created: true };
}

/**
 * Finishes a master-key rotation that was interrupted after the database was re-wrapped but
 * before the new key file replaced the old one (see keys-rotation.ts).
 */
export function pendingMasterKey(dataDir: string): Buffer | undefined {
  const path = join(dataDir, PENDING_MASTER_KEY_FILE);
  return existsSync(path) ? parseMasterKey(readFileSync(path, 'utf8')) : undefined;
}

export function promotePendingMasterKey(dataDir: string): void {
  renameSync(join(dataDir, PENDING_MASTER_KEY_FILE), join(dataDir, MASTER_KEY_FILE));
}
