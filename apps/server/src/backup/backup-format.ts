// The encrypted backup file. Layout:
//
//   "ACOMPANA-BACKUP\n" | u32 header length | header (JSON, plaintext) | header MAC | record | …
//   record = flags (u8, 1 = final) | u32 body length | 96-bit nonce | 128-bit tag | body
//
// The body of all records, concatenated, is a gzip stream of NDJSON lines (backup-lines.ts).
// Each record is AES-256-GCM under a key derived from the master key with HKDF-SHA256 and the
// random salt of the header (the header itself is checked first with an HMAC under another key
// derived the same way, before anything in it is trusted); a record's associated data binds the
// SHA-256 of the header, the record's
// position and the final flag, so an edited header, a dropped, reordered or edited record, a
// truncated file or bytes after the end all fail to decrypt. The header names the master key's
// public fingerprint (the one the `deployment` table stores) so a wrong key is told apart from a
// damaged file.
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  hkdfSync,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { AppError } from '../kernel/errors.ts';
import { masterKeyId } from '../kernel/crypto/master-key.ts';

export const MAGIC = Buffer.from('ACOMPANA-BACKUP\n', 'latin1');
export const CHUNK_BYTES = 64 * 1024;
const MAX_HEADER_BYTES = 1024 * 1024;
const MAX_RECORD_BYTES = 4 * CHUNK_BYTES;
const RECORD_PREFIX_BYTES = 1 + 4 + 12 + 16;
const FINAL = 1;

export interface SchemaVersion {
  version: number;
  name: string;
  checksum: string;
}

export interface BackupHeader {
  format: 1;
  createdAt: string;
  sourceKind: 'pglite' | 'postgres';
  masterKeyId: string;
  /** base64, 32 random bytes: the HKDF salt of this file's keys. */
  salt: string;
  schema: SchemaVersion[];
}

const HEADER_MAC_BYTES = 32;

function deriveKeys(master: Buffer, salt: Buffer): { key: Buffer; headerKey: Buffer } {
  const key = Buffer.from(hkdfSync('sha256', master, salt, 'acompana/backup/v1/data', 32));
  const headerKey = Buffer.from(hkdfSync('sha256', master, salt, 'acompana/backup/v1/header', 32));
  return { key, headerKey };
}

function recordAad(headerHash: Buffer, counter: number, flags: number): Buffer {
  const aad = Buffer.alloc(32 + 8 + 1);
  headerHash.copy(aad, 0);
  aad.writeBigUInt64BE(BigInt(counter), 32);
  aad.writeUInt8(flags, 40);
  return aad;
}

export function corrupt(reason: string, cause?: unknown): AppError {
  return new AppError('backup.corrupt', { params: { reason }, ...(cause ? { cause } : {}) });
}

/**
 * A Transform that writes the magic and header, then seals its input in records of CHUNK_BYTES
 * (the last one, possibly empty, flagged final).
 */
export function createEncryptor(
  master: Buffer,
  fields: Omit<BackupHeader, 'format' | 'masterKeyId' | 'salt'>,
): Transform {
  const salt = randomBytes(32);
  const { key, headerKey } = deriveKeys(master, salt);
  const header: BackupHeader = {
    format: 1,
    ...fields,
    masterKeyId: masterKeyId(master),
    salt: salt.toString('base64'),
  };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const headerHash = createHash('sha256').update(headerBytes).digest();
  let counter = 0;
  let pending: Buffer[] = [];
  let pendingBytes = 0;

  const seal = (body: Buffer, flags: number): Buffer => {
    const nonce = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, nonce);
    cipher.setAAD(recordAad(headerHash, counter++, flags));
    const sealed = Buffer.concat([cipher.update(body), cipher.final()]);
    const prefix = Buffer.alloc(5);
    prefix.writeUInt8(flags, 0);
    prefix.writeUInt32BE(sealed.length, 1);
    return Buffer.concat([prefix, nonce, cipher.getAuthTag(), sealed]);
  };

  const lengthPrefix = Buffer.alloc(4);
  lengthPrefix.writeUInt32BE(headerBytes.length);
  let started = false;
  const start = (stream: Transform) => {
    if (started) return;
    started = true;
    stream.push(
      Buffer.concat([MAGIC, lengthPrefix, headerBytes, createHmac('sha256', headerKey).update(headerBytes).digest()]),
    );
  };

  return new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      start(this);
      pending.push(chunk);
      pendingBytes += chunk.length;
      if (pendingBytes >= CHUNK_BYTES) {
        let all = Buffer.concat(pending);
        while (all.length >= CHUNK_BYTES) {
          this.push(seal(all.subarray(0, CHUNK_BYTES), 0));
          all = all.subarray(CHUNK_BYTES);
        }
        pending = [all];
        pendingBytes = all.length;
      }
      callback();
    },
    flush(callback: TransformCallback) {
      start(this);
      this.push(seal(Buffer.concat(pending), FINAL));
      pending = [];
      callback();
    },
  });
}

/** Reads exact byte counts from an async stream of buffers. */
class ByteReader {
  private buffers: Buffer[] = [];
  private length = 0;
  private done = false;
  private readonly iterator: AsyncIterator<Buffer>;

  constructor(source: AsyncIterable<Buffer>) {
    this.iterator = source[Symbol.asyncIterator]();
  }

  /** Exactly n bytes; null if the stream ended before the first of them; a short read is corruption. */
  async read(n: number, what: string): Promise<Buffer | null> {
    while (this.length < n && !this.done) {
      const next = await this.iterator.next();
      if (next.done) this.done = true;
      else {
        this.buffers.push(next.value);
        this.length += next.value.length;
      }
    }
    if (this.length === 0 && n > 0) return null;
    if (this.length < n) throw corrupt(`truncated ${what}`);
    const all = this.buffers.length === 1 ? (this.buffers[0] as Buffer) : Buffer.concat(this.buffers);
    const out = all.subarray(0, n);
    const rest = all.subarray(n);
    this.buffers = rest.length > 0 ? [rest] : [];
    this.length = rest.length;
    return out;
  }
}

export interface OpenedBackup {
  header: BackupHeader;
  /** The decrypted, still gzip-compressed body: every piece is authenticated before it is yielded. */
  body: AsyncGenerator<Buffer>;
}

function parseHeader(bytes: Buffer): BackupHeader {
  let header: BackupHeader;
  try {
    header = JSON.parse(bytes.toString('utf8')) as BackupHeader;
  } catch (error) {
    throw corrupt('unreadable header', error);
  }
  if (header.format !== 1 || typeof header.salt !== 'string' || !Array.isArray(header.schema))
    throw corrupt('unknown header format');
  return header;
}

/** Reads and checks the header (wrong key vs damaged file), then decrypts the records lazily. */
export async function openBackup(source: AsyncIterable<Buffer>, master: Buffer): Promise<OpenedBackup> {
  const reader = new ByteReader(source);
  const magic = await reader.read(MAGIC.length, 'header');
  if (!magic || !magic.equals(MAGIC)) throw corrupt('not an Acompaña backup file');
  const lengthBytes = await reader.read(4, 'header');
  const headerLength = lengthBytes?.readUInt32BE(0) ?? 0;
  if (headerLength === 0 || headerLength > MAX_HEADER_BYTES) throw corrupt('bad header length');
  const headerBytes = (await reader.read(headerLength, 'header')) as Buffer;
  const headerMac = await reader.read(HEADER_MAC_BYTES, 'header');
  const header = parseHeader(headerBytes);
  const currentKeyId = masterKeyId(master);
  if (header.masterKeyId !== currentKeyId) {
    throw new AppError('backup.wrong_key', {
      params: { backupKey: String(header.masterKeyId), currentKey: currentKeyId },
    });
  }
  const { key, headerKey } = deriveKeys(master, Buffer.from(header.salt, 'base64'));
  const expected = createHmac('sha256', headerKey).update(headerBytes).digest();
  if (!headerMac || !timingSafeEqual(headerMac, expected)) throw corrupt('header altered');
  const headerHash = createHash('sha256').update(headerBytes).digest();

  async function* body(): AsyncGenerator<Buffer> {
    for (let counter = 0; ; counter++) {
      const prefix = await reader.read(RECORD_PREFIX_BYTES, 'record');
      if (!prefix) throw corrupt('truncated: the final record is missing');
      const flags = prefix.readUInt8(0);
      const length = prefix.readUInt32BE(1);
      if ((flags & ~FINAL) !== 0 || length > MAX_RECORD_BYTES) throw corrupt(`record ${counter} altered`);
      const sealed = length === 0 ? Buffer.alloc(0) : await reader.read(length, 'record');
      if (!sealed) throw corrupt('truncated record');
      let plain: Buffer;
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, prefix.subarray(5, 17));
        decipher.setAAD(recordAad(headerHash, counter, flags));
        decipher.setAuthTag(prefix.subarray(17, 33));
        plain = Buffer.concat([decipher.update(sealed), decipher.final()]);
      } catch (error) {
        throw corrupt(`record ${counter} altered`, error);
      }
      if (plain.length > 0) yield plain;
      if (flags & FINAL) {
        if (await reader.read(1, 'trailer')) throw corrupt('data after the final record');
        return;
      }
    }
  }
  return { header, body: body() };
}
