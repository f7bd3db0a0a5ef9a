// Magic-byte detection of evidence files and agreement with the claimed type and extension.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { contentTypeAgrees, detectFileType, extensionAgrees } from './file-type.ts';

const bytes = (...parts: (number[] | string)[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

describe('evidence file types', () => {
  const cases: [string, Buffer, string][] = [
    ['jpeg', bytes([0xff, 0xd8, 0xff, 0xe1], 'Exif'), 'image/jpeg'],
    ['png', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 'image/png'],
    ['pdf', bytes('%PDF-1.7\n'), 'application/pdf'],
    ['mp3 id3', bytes('ID3', [4, 0, 0]), 'audio/mpeg'],
    ['mp3 frame', bytes([0xff, 0xfb, 0x90, 0x00]), 'audio/mpeg'],
    ['ogg', bytes('OggS', [0, 2]), 'audio/ogg'],
    ['m4a', bytes([0, 0, 0, 0x20], 'ftypM4A '), 'audio/mp4'],
    ['mp4', bytes([0, 0, 0, 0x20], 'ftypisom'), 'video/mp4'],
  ];
  for (const [name, data, type] of cases)
    it(`detects ${name}`, () => assert.equal(detectFileType(data)?.contentType, type));

  it('refuses unknown content and mismatched claims', () => {
    assert.equal(detectFileType(bytes('MZ\x90\x00')), undefined);
    const png = detectFileType(cases[1]?.[1] as Buffer);
    assert.ok(png);
    assert.equal(contentTypeAgrees(png, 'application/pdf'), false);
    assert.equal(contentTypeAgrees(png, 'application/octet-stream'), true);
    assert.equal(extensionAgrees(png, 'recibo.pdf'), false);
    assert.equal(extensionAgrees(png, 'recibo.PNG'), true);
  });
});
