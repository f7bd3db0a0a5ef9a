// The file format alone (no database): records that are reordered, dropped, re-flagged or cut at
// a record boundary are all refused; a wrong key is told apart from a damaged file.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CHUNK_BYTES, createEncryptor, MAGIC, openBackup } from './backup-format.ts';

const master = randomBytes(32);
const fields = {
  createdAt: '2026-11-23T10:00:00.000Z',
  sourceKind: 'pglite' as const,
  schema: [{ version: 1, name: '0001_platform', checksum: 'abc' }],
};

async function seal(plain: Buffer): Promise<Buffer> {
  const parts: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      parts.push(chunk);
      callback();
    },
  });
  await pipeline(Readable.from([plain.subarray(0, 1000), plain.subarray(1000)]), createEncryptor(master, fields), sink);
  return Buffer.concat(parts);
}

async function open(file: Buffer, key = master): Promise<Buffer> {
  const { body } = await openBackup(Readable.from([file]), key);
  const parts: Buffer[] = [];
  for await (const part of body) parts.push(part);
  return Buffer.concat(parts);
}

/** Splits a file into its prefix (magic, header, MAC) and its records. */
function split(file: Buffer): { head: Buffer; records: Buffer[] } {
  let at = MAGIC.length + 4 + file.readUInt32BE(MAGIC.length) + 32;
  const head = file.subarray(0, at);
  const records: Buffer[] = [];
  while (at < file.length) {
    const end = at + 33 + file.readUInt32BE(at + 1);
    records.push(file.subarray(at, end));
    at = end;
  }
  return { head, records };
}

describe('backup file format', () => {
  it('round-trips, in records of 64 KiB with only the last one final', async () => {
    const plain = randomBytes(3 * CHUNK_BYTES + 123);
    const file = await seal(plain);
    const { records } = split(file);
    assert.equal(records.length, 4);
    assert.deepEqual(
      records.map((r) => r[0]),
      [0, 0, 0, 1],
    );
    assert.deepEqual(await open(file), plain);
    const empty = await seal(Buffer.alloc(0));
    assert.equal(split(empty).records.length, 1);
    assert.equal((await open(empty)).length, 0);
  });

  it('refuses reordered, dropped, re-flagged and missing records', async () => {
    const file = await seal(randomBytes(3 * CHUNK_BYTES + 10));
    const { head, records } = split(file);
    const [r0, r1, r2, r3] = records as [Buffer, Buffer, Buffer, Buffer];
    const reflagged = Buffer.from(r2);
    reflagged[0] = 1;
    const variants: Record<string, Buffer> = {
      reordered: Buffer.concat([head, r1, r0, r2, r3]),
      dropped: Buffer.concat([head, r0, r2, r3]),
      'final record missing': Buffer.concat([head, r0, r1, r2]),
      'early final flag': Buffer.concat([head, r0, r1, reflagged]),
      'record repeated': Buffer.concat([head, r0, r1, r2, r3, r3]),
      'header only': head,
    };
    for (const [name, variant] of Object.entries(variants)) {
      await assert.rejects(open(variant), { code: 'backup.corrupt' }, name);
    }
  });

  it('tells a wrong key from a damaged header', async () => {
    const file = await seal(randomBytes(100));
    await assert.rejects(open(file, randomBytes(32)), { code: 'backup.wrong_key' });
    const headerEnd = MAGIC.length + 4 + file.readUInt32BE(MAGIC.length);
    for (const at of [0, MAGIC.length + 1, headerEnd - 3, headerEnd + 10]) {
      const damaged = Buffer.from(file);
      damaged[at] = (damaged[at] ?? 0) ^ 0x20;
      await assert.rejects(open(damaged), { code: 'backup.corrupt' }, `byte ${at}`);
    }
  });
});
