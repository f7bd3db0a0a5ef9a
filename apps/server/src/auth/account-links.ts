// The secrets behind invitation and reset links, and the e-mails that carry them
// (docs/decisions/0129-accounts-only-the-owner-controls.md). A link's token is 32 random bytes;
// only its SHA-256 is stored, so a copy of the database opens no account. The token travels in
// the URL fragment (#token=…): browsers send neither it to the server's access log nor in the
// Referer header; the page posts it in the body.
import { createHash, randomBytes } from 'node:crypto';
import { AppError } from '../kernel/errors.ts';
import type { Mailer } from '../notifications/mailer.ts';

export const INVITATION_DAYS = 7;
export const RESET_MINUTES = 60;

export function newLinkToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashLinkToken(token) };
}

export function hashLinkToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function invitationLink(publicUrl: string, token: string): string {
  return `${publicUrl}/app/account/invitation#token=${token}`;
}

export function resetLink(publicUrl: string, token: string): string {
  return `${publicUrl}/app/account/reset#token=${token}`;
}

/** The state of a link row, as one error code each (nothing is written on any of them). */
export function checkLink(
  row: { expires_at: Date | string; used: boolean } | undefined,
  now: Date,
): asserts row is { expires_at: Date | string; used: boolean } {
  if (!row) throw new AppError('account.link_invalid', { field: 'token' });
  if (row.used) throw new AppError('account.link_used', { field: 'token' });
  if (new Date(row.expires_at).getTime() <= now.getTime())
    throw new AppError('account.link_expired', { field: 'token' });
}

type Locale = 'es' | 'en';

/** Messages name no one and no record: an organisation's name and a link, nothing else. */
export function invitationMail(locale: Locale, organisation: string, link: string) {
  return locale === 'en'
    ? {
        subject: 'Your invitation to Acompaña',
        text: `${organisation} invites you to work with it in Acompaña.\n\nOpen this link to choose your password and set up two-factor authentication (valid for ${INVITATION_DAYS} days, once):\n${link}\n\nIf you were not expecting this, ignore this message: nothing happens without the link.`,
      }
    : {
        subject: 'Su invitación a Acompaña',
        text: `${organisation} le invita a trabajar con ella en Acompaña.\n\nAbra este enlace para elegir su contraseña y configurar la verificación en dos pasos (válido ${INVITATION_DAYS} días, una sola vez):\n${link}\n\nSi no esperaba este mensaje, ignórelo: sin el enlace no ocurre nada.`,
      };
}

export function resetMail(locale: Locale, link: string, byAdmin: boolean) {
  return locale === 'en'
    ? {
        subject: 'Choose a new Acompaña password',
        text: `${byAdmin ? 'An administrator of your organisation asked you to choose a new password; your sessions have been ended.' : 'Someone asked to reset the password of this account.'}\n\nOpen this link to choose a new password (valid for ${RESET_MINUTES} minutes, once). You will also need your two-factor code or a recovery code:\n${link}${byAdmin ? '' : '\n\nIf you did not ask for this, ignore this message: your password has not changed.'}`,
      }
    : {
        subject: 'Elija una nueva contraseña de Acompaña',
        text: `${byAdmin ? 'Una persona administradora de su organización le pidió elegir una contraseña nueva; sus sesiones se cerraron.' : 'Alguien pidió restablecer la contraseña de esta cuenta.'}\n\nAbra este enlace para elegir una contraseña nueva (válido ${RESET_MINUTES} minutos, una sola vez). También necesitará su código de verificación en dos pasos o un código de recuperación:\n${link}${byAdmin ? '' : '\n\nSi no lo pidió, ignore este mensaje: su contraseña no ha cambiado.'}`,
      };
}

/** Sends, or refuses before anything is written when the deployment has no mailer. */
export function requireMailer(mailer: Mailer | undefined): Mailer {
  if (!mailer) throw new AppError('account.mail_unavailable');
  return mailer;
}

export type AccountNotice = 'password_changed' | 'password_reset' | 'recovery_codes' | 'totp_changed';

const notices: Record<AccountNotice, { es: string; en: string }> = {
  password_changed: { es: 'Se cambió la contraseña de su cuenta.', en: 'The password of your account was changed.' },
  password_reset: {
    es: 'Se eligió una contraseña nueva para su cuenta con un enlace de restablecimiento.',
    en: 'A new password was chosen for your account with a reset link.',
  },
  recovery_codes: {
    es: 'Se crearon códigos de recuperación nuevos para su cuenta; los anteriores ya no sirven.',
    en: 'New recovery codes were made for your account; the previous ones no longer work.',
  },
  totp_changed: {
    es: 'Se configuró una aplicación de autenticación nueva para su cuenta; la anterior ya no sirve.',
    en: 'A new authenticator app was set up for your account; the previous one no longer works.',
  },
};

/**
 * Tells the owner that a credential changed (ASVS 2.2.3, 2.5.5), after the answer and without
 * holding it up: if it was not them, they know at once. No link in it, nothing to phish with.
 */
export function sendNotice(
  mailer: Mailer | undefined,
  to: { email: string; locale: 'es' | 'en' },
  notice: AccountNotice,
): void {
  if (!mailer) return;
  const line = notices[notice][to.locale];
  const text =
    to.locale === 'en'
      ? `${line}\n\nIf it was not you, tell your organisation's administrator at once.`
      : `${line}\n\nSi no fue usted, avise de inmediato a quien administra su organización.`;
  const subject = to.locale === 'en' ? 'Acompaña: your account changed' : 'Acompaña: cambios en su cuenta';
  mailer.send({ to: to.email, subject, text }).catch((error: unknown) => {
    console.error('acompana: an account notice could not be sent:', error);
  });
}
