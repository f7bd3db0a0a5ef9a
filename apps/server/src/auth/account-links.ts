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
