// Opaque page cursors: base64url JSON, checked on the way back in.
import { AppError } from '../kernel/errors.ts';

export function encodeCursor(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

export function decodeCursor<T extends object>(cursor: string, valid: (value: Record<string, unknown>) => boolean): T {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<string, unknown>;
    if (value && typeof value === 'object' && valid(value)) return value as T;
  } catch {
    // fall through to the error below
  }
  throw new AppError('validation.invalid_value', { field: 'cursor', params: { field: 'cursor' } });
}
