// What a file really is, from its first bytes (magic numbers), and whether that agrees with the
// content type and the file-name extension it was sent with. Only types a documentation team
// needs are accepted: photos, PDF documents, audio and video recordings.

export interface DetectedType {
  contentType: string;
  kind: 'photo' | 'document' | 'audio' | 'video';
  extensions: readonly string[];
  /** Other content types that name the same thing. */
  aliases?: readonly string[];
}

const JPEG: DetectedType = {
  contentType: 'image/jpeg',
  kind: 'photo',
  extensions: ['jpg', 'jpeg'],
  aliases: ['image/jpg', 'image/pjpeg'],
};
const PNG: DetectedType = { contentType: 'image/png', kind: 'photo', extensions: ['png'] };
const WEBP: DetectedType = { contentType: 'image/webp', kind: 'photo', extensions: ['webp'] };
const PDF: DetectedType = { contentType: 'application/pdf', kind: 'document', extensions: ['pdf'] };
const MP3: DetectedType = { contentType: 'audio/mpeg', kind: 'audio', extensions: ['mp3'], aliases: ['audio/mp3'] };
const OGG: DetectedType = {
  contentType: 'audio/ogg',
  kind: 'audio',
  extensions: ['ogg', 'oga', 'opus'],
  aliases: ['audio/opus', 'application/ogg'],
};
const WAV: DetectedType = {
  contentType: 'audio/wav',
  kind: 'audio',
  extensions: ['wav'],
  aliases: ['audio/x-wav', 'audio/wave'],
};
const M4A: DetectedType = {
  contentType: 'audio/mp4',
  kind: 'audio',
  extensions: ['m4a'],
  aliases: ['audio/x-m4a', 'audio/m4a'],
};
const MP4: DetectedType = { contentType: 'video/mp4', kind: 'video', extensions: ['mp4', 'm4v'] };
const MOV: DetectedType = { contentType: 'video/quicktime', kind: 'video', extensions: ['mov'] };

const startsWith = (bytes: Buffer, signature: readonly number[], at = 0) =>
  bytes.length >= at + signature.length && signature.every((b, i) => bytes[at + i] === b);
const ascii = (bytes: Buffer, from: number, to: number) => bytes.subarray(from, to).toString('latin1');

export function detectFileType(bytes: Buffer): DetectedType | undefined {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return JPEG;
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return PNG;
  if (ascii(bytes, 0, 5) === '%PDF-') return PDF;
  if (ascii(bytes, 0, 4) === 'OggS') return OGG;
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return WEBP;
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WAVE') return WAV;
  if (ascii(bytes, 4, 8) === 'ftyp') {
    const brand = ascii(bytes, 8, 12);
    if (brand === 'M4A ' || brand === 'M4B ') return M4A;
    if (brand === 'qt  ') return MOV;
    return MP4;
  }
  if (ascii(bytes, 0, 3) === 'ID3') return MP3;
  // An MPEG audio frame: 11 sync bits, then a valid layer (not 00).
  const b0 = bytes[0];
  const b1 = bytes[1];
  if (b0 === 0xff && b1 !== undefined && (b1 & 0xe0) === 0xe0 && (b1 & 0x06) !== 0) return MP3;
  return undefined;
}

/** True when a claimed content type names the detected type (octet-stream claims nothing). */
export function contentTypeAgrees(detected: DetectedType, claimed: string | undefined): boolean {
  const type = (claimed ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === '' || type === 'application/octet-stream') return true;
  if (type === detected.contentType || detected.aliases?.includes(type)) return true;
  // An M4A is an MP4 container; a phone may call it either.
  return detected === M4A && type === 'video/mp4';
}

/** True when the file name has no extension, or one that belongs to the detected type. */
export function extensionAgrees(detected: DetectedType, name: string): boolean {
  const match = /\.([A-Za-z0-9]{1,5})$/.exec(name);
  if (!match?.[1]) return true;
  return detected.extensions.includes(match[1].toLowerCase());
}
