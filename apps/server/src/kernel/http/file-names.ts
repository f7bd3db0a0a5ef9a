// File names at the HTTP boundary. An upload names its file in the x-file-name header
// (URI-encoded); we keep only the last path segment, without control characters, bounded — so a
// name can never climb directories when a file is exported, nor split a header. A download's
// Content-Disposition carries an ASCII fallback and the exact UTF-8 name (RFC 6266 / 8187).
import { AppError } from '../errors.ts';

export function uploadedFileName(header: string | string[] | undefined, fallback: string): string {
  const raw = Array.isArray(header) ? header[0] : header;
  let name = fallback;
  try {
    name = raw ? decodeURIComponent(raw) : name;
  } catch {
    throw new AppError('validation.invalid_value', { field: 'x-file-name', params: { field: 'x-file-name' } });
  }
  const clean = (name.split(/[\\/]/).pop() ?? '')
    .replace(/\p{Cc}/gu, '')
    .trim()
    .slice(0, 200);
  return clean === '.' || clean === '..' || !clean ? fallback : clean;
}

export function attachmentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
