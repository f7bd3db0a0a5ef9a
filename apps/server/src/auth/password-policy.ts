// What a new password must be (OWASP ASVS 2.1.1, 2.1.7, 2.1.9; docs/decisions/0140-...): at least
// 12 characters (counted as a person counts them, so "contraseña" is 10, not 11 bytes), and not one
// of the passwords most used and leaked. The list is the common-password dictionary that
// @zxcvbn-ts/language-common ships (about 49,000 passwords from public breach corpora), checked
// offline: no password, hash or prefix ever leaves the server. No composition rules (2.1.9).
import { dictionary } from '@zxcvbn-ts/language-common';
import { AppError } from '../kernel/errors.ts';

export const MIN_PASSWORD_LENGTH = 12;

// Words people in this project's organisations would reach for first, not in the English-centred
// list: the product, the password word itself, and places where the organisations work.
const LOCAL_WORDS = [
  'acompana',
  'acompaña',
  'contrasena',
  'contraseña',
  'password',
  'albergue',
  'tapachula',
  'mexico',
  'méxico',
  'guatemala',
  'honduras',
  'tijuana',
];

let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  common ??= new Set([...(dictionary['passwords-common'] as string[]), ...LOCAL_WORDS]);
  return common;
}

/**
 * True for a listed password, also when it is only a listed one (6 characters or more) with digits
 * or symbols around it ("Password2026!", "123456qwerty!!", "acompaña12345"): the usual way people
 * stretch a short password to a length rule.
 */
export function isCommonPassword(password: string): boolean {
  const lower = password.normalize('NFC').toLowerCase();
  const list = commonPasswords();
  if (list.has(lower)) return true;
  const core = lower.replace(/^[\d\W_]+|[\d\W_]+$/gu, '');
  if (core.length >= 6 && list.has(core)) return true;
  // The same short word repeated ("qwertyqwerty", "holaholahola").
  const repeated = /^(.{1,6}?)\1+$/u.exec(lower);
  return repeated !== null;
}

/** Throws the field's translated error when the new password is too short or too common. */
export function checkNewPassword(password: string, field: string): void {
  if ([...password.normalize('NFC')].length < MIN_PASSWORD_LENGTH) throw new AppError('orgs.weak_password', { field });
  if (isCommonPassword(password)) throw new AppError('orgs.common_password', { field });
}
