// Payloads of the account lifecycle: invitations, password change and reset, recovery codes, and
// what an administrator may do to an account (docs/decisions/0129-accounts-only-the-owner-controls.md).
import { z } from 'zod';
import { roleSchema } from './auth.schemas.ts';

/** The link's secret, as the e-mail carries it (base64url of 32 random bytes). */
export const linkTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{40,64}$/);
// Length and commonness are checked by the server's password policy, which names the field in its
// error (orgs.weak_password, orgs.common_password): a schema minimum would answer a generic message.
export const newPasswordSchema = z.string().min(1).max(1024);
const totpCodeSchema = z.string().regex(/^\d{6}$/);
const recoveryCodeSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9-]{8,32}$/);

export const invitationCreatedSchema = z.object({ invitationId: z.string(), expiresAt: z.string() });

export const linkRequestSchema = z.strictObject({ token: linkTokenSchema });

export const invitationInfoSchema = z.object({
  email: z.string(),
  organisation: z.string(),
  role: roleSchema,
  /** The address already has an account: the invitee signs in with it instead of choosing a password. */
  existingAccount: z.boolean(),
  expiresAt: z.string(),
});

export const acceptInvitationRequestSchema = z.strictObject({
  token: linkTokenSchema,
  /** The new password, or the current one when the address already has an account. */
  password: z.string().min(1).max(1024),
  totp: totpCodeSchema.optional(),
  recoveryCode: recoveryCodeSchema.optional(),
});

export const forgotPasswordRequestSchema = z.strictObject({ email: z.string().trim().min(3).max(254) });

export const resetInfoSchema = z.object({
  email: z.string(),
  /** What the owner must give besides the new password. */
  secondFactor: z.enum(['totp', 'none']),
  expiresAt: z.string(),
});

export const resetPasswordRequestSchema = z.strictObject({
  token: linkTokenSchema,
  password: newPasswordSchema,
  totp: totpCodeSchema.optional(),
  recoveryCode: recoveryCodeSchema.optional(),
});

export const changePasswordRequestSchema = z.strictObject({
  currentPassword: z.string().min(1).max(1024),
  newPassword: newPasswordSchema,
});

export const recoveryCodesRequestSchema = z.strictObject({ password: z.string().min(1).max(1024) });
export const recoveryCodesSchema = z.object({ codes: z.array(z.string()) });
export const recoveryCodesStatusSchema = z.object({ remaining: z.number().int().min(0).max(100) });

export const forceResetResponseSchema = z.object({
  /** False when the server has no mailer: the operator issues the link (`acompana user reset`). */
  emailed: z.boolean(),
});

export type InvitationInfo = z.infer<typeof invitationInfoSchema>;
export type ResetInfo = z.infer<typeof resetInfoSchema>;
