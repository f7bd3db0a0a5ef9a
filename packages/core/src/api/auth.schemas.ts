// Payloads of the authentication and account API, shared by the server (validation, OpenAPI)
// and the web app (types). Objects are strict: an unknown field is an error, not ignored.
import { z } from 'zod';
import { roles } from '../policy/roles.ts';

export const roleSchema = z.enum(roles);

export const loginRequestSchema = z.strictObject({
  email: z.string().trim().min(3).max(254),
  password: z.string().min(1).max(1024),
  totp: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  /** A single-use recovery code instead of the TOTP code (docs/decisions/0129). */
  recoveryCode: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9-]{8,32}$/)
    .optional(),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const orgRefSchema = z.object({ id: z.string(), slug: z.string(), name: z.string() });

export const meSchema = z.object({
  account: z.object({ id: z.string(), email: z.string(), displayName: z.string(), locale: z.enum(['es', 'en']) }),
  activeOrg: orgRefSchema.nullable(),
  role: roleSchema.nullable(),
  memberships: z.array(
    z.object({ org: orgRefSchema, role: roleSchema, teams: z.array(z.object({ id: z.string(), name: z.string() })) }),
  ),
  csrfToken: z.string(),
  totpEnrolled: z.boolean(),
  mustEnrollTotp: z.boolean(),
  /**
   * What the active role may do, per record type: action → widest scope ('own' | 'team' | 'org').
   * For showing or hiding controls only; the server decides every request again.
   */
  permissions: z.record(z.string(), z.record(z.string(), z.enum(['own', 'team', 'org']))),
});
export type Me = z.infer<typeof meSchema>;

export const loginResponseSchema = z.object({ csrfToken: z.string(), me: meSchema });

export const activeOrgRequestSchema = z.strictObject({ orgId: z.string().uuid() });

export const totpSetupResponseSchema = z.object({ secret: z.string(), otpauthUrl: z.string() });
export const totpConfirmRequestSchema = z.strictObject({ code: z.string().regex(/^\d{6}$/) });

export const healthResponseSchema = z.object({
  status: z.literal('ok'),
  database: z.enum(['pglite', 'postgres']),
  /** none: not configured; in_use: reads go to it; fallback: lagging or unreachable, reads on the primary. */
  replica: z.enum(['none', 'in_use', 'fallback']),
  version: z.string(),
});

export const auditVerifyResponseSchema = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstBadSeq: z.number().int().optional(),
  reason: z.string().optional(),
});

export const accountSummarySchema = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: roleSchema,
  totpEnrolled: z.boolean(),
  disabled: z.boolean(),
  /** Teams of the person in this organisation. */
  teams: z.array(z.object({ id: z.string(), name: z.string() })).optional(),
  /** When the account last opened a session (any organisation, any method); null: never since recorded. */
  lastSignInAt: z.string().nullable().optional(),
  /** This organisation manages the account (may disable, enable and force a reset, decision 0129). */
  managedHere: z.boolean().optional(),
  /** False while the owner has not chosen a password (invited through a provider, or after a forced reset). */
  passwordSet: z.boolean().optional(),
});

/**
 * An invitation: the administrator names the person and the role, never a password or a second
 * factor; the link goes to the person's mailbox (docs/decisions/0129).
 */
export const createAccountRequestSchema = z.strictObject({
  email: z.string().trim().email().max(254),
  displayName: z.string().trim().min(1).max(200),
  role: roleSchema,
  locale: z.enum(['es', 'en']).optional(),
  teams: z.array(z.string().trim().min(1).max(200)).max(20).optional(),
});

export const changeRoleRequestSchema = z.strictObject({ role: roleSchema });

/** The person's teams in the active organisation, by name (a new name makes the team). */
export const changeTeamsRequestSchema = z.strictObject({
  teams: z.array(z.string().trim().min(1).max(200)).max(20),
});

/** Which roles of an organisation must use two-factor authentication. */
export const securitySettingsSchema = z.strictObject({ totpRequiredRoles: z.array(roleSchema).max(7) });
