// The disk's failures become clear errors, and error logs never carry a statement's parameters.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { loggableError, storageErrorOf } from './storage-errors.ts';

describe('storage errors', () => {
  it("reads PostgreSQL's disk_full (53100), Node's ENOSPC and a wrapped cause as storage.full", () => {
    assert.equal(
      storageErrorOf({ code: '53100', message: 'could not extend file "base/5/1": No space left on device' })?.code,
      'storage.full',
    );
    assert.equal(storageErrorOf(Object.assign(new Error('write failed'), { code: 'ENOSPC' }))?.code, 'storage.full');
    assert.equal(
      storageErrorOf(new Error('backup failed', { cause: Object.assign(new Error('x'), { code: 'EDQUOT' }) }))?.code,
      'storage.full',
    );
  });

  it('reads EROFS as storage.read_only, and anything else as not the disk', () => {
    assert.equal(
      storageErrorOf(Object.assign(new Error("EROFS: read-only file system, open 'x'"), { code: 'EROFS' }))?.code,
      'storage.read_only',
    );
    assert.equal(storageErrorOf(new Error('duplicate key value violates unique constraint')), undefined);
    assert.equal(storageErrorOf(undefined), undefined);
  });

  it('logs message, code and routine but never the parameters of the failed statement', () => {
    const logged = loggableError({
      message: 'could not extend file',
      code: '53100',
      routine: 'mdzeroextend',
      query: 'INSERT INTO accounts …',
      params: ['ana@example.org'],
    });
    assert.deepEqual(Object.keys(logged).sort(), ['code', 'message', 'routine']);
    assert.doesNotMatch(JSON.stringify(logged), /ana@example\.org|INSERT/);
  });
});
