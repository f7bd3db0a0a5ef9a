// Hostile upload names never climb directories nor split a response header on download.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { attachmentDisposition, uploadedFileName } from './file-names.ts';

describe('file names at the HTTP boundary', () => {
  it('keeps only the last path segment, without control characters', () => {
    assert.equal(uploadedFileName(encodeURIComponent('../../etc/passwd'), 'file'), 'passwd');
    assert.equal(uploadedFileName(encodeURIComponent('..\\..\\boot.ini'), 'file'), 'boot.ini');
    assert.equal(
      uploadedFileName(encodeURIComponent('acta\r\nSet-Cookie: x=1.jpg'), 'file'),
      'actaSet-Cookie: x=1.jpg',
    );
    assert.equal(uploadedFileName(encodeURIComponent('foto.jpg\u0000.exe'), 'file'), 'foto.jpg.exe');
    assert.equal(uploadedFileName(encodeURIComponent('..'), 'file'), 'file');
    assert.equal(uploadedFileName(undefined, 'evidence'), 'evidence');
    assert.equal(uploadedFileName(encodeURIComponent('recibo retén.jpg'), 'file'), 'recibo retén.jpg');
    assert.equal(uploadedFileName('a'.repeat(600), 'file').length, 200);
  });

  it('refuses a header that is not valid URI encoding, naming the header', () => {
    assert.throws(
      () => uploadedFileName('%E0%A4%A', 'file'),
      (e: { code?: string; field?: string }) => e.code === 'validation.invalid_value' && e.field === 'x-file-name',
    );
  });

  it('writes a Content-Disposition that a quote or a non-ASCII letter cannot break', () => {
    const header = attachmentDisposition('a"b\\c ñ.jpg');
    assert.equal(header, `attachment; filename="a_b_c _.jpg"; filename*=UTF-8''a%22b%5Cc%20%C3%B1.jpg`);
    assert.doesNotMatch(header, /[\r\n]/);
  });
});
