// Shapes of the OpenID Connect provider settings (admin API) and of the second step after the
// provider (docs/decisions/0130-passkeys-and-oidc.md).
import { z } from 'zod';
import { roleSchema } from '@acompana/core';
import { authenticationResponseSchema } from '../passkeys/passkeys.schemas.ts';

const claimName = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9_.:/-]+$/);

export const oidcProviderInputSchema = z.strictObject({
  issuer: z
    .string()
    .trim()
    .max(500)
    .url()
    .refine((value) => /^https?:\/\//.test(value), { message: 'http(s) URL' }),
  clientId: z.string().trim().min(1).max(300),
  /** Required the first time; left out afterwards to keep the stored one. */
  clientSecret: z.string().min(1).max(1000).optional(),
  /** E-mail domains the provider may sign in ("acompana.example"); empty: any member's verified address. */
  allowedDomains: z
    .array(
      z
        .string()
        .trim()
        .toLowerCase()
        .max(253)
        .regex(/^(?!-)[a-z0-9-]+(\.[a-z0-9-]+)+$/),
    )
    .max(50)
    .default([]),
  groupsClaim: claimName.nullable().default(null),
  groupRoles: z.record(z.string().trim().min(1).max(200), roleSchema).default({}),
  secondFactorDelegated: z.boolean().default(false),
  createAccountsRole: roleSchema.exclude(['admin']).nullable().default(null),
  enabled: z.boolean().default(true),
});
export type OidcProviderInput = z.infer<typeof oidcProviderInputSchema>;

export const oidcProviderSchema = z.object({
  issuer: z.string(),
  clientId: z.string(),
  hasClientSecret: z.boolean(),
  allowedDomains: z.array(z.string()),
  groupsClaim: z.string().nullable(),
  groupRoles: z.record(z.string(), z.string()),
  secondFactorDelegated: z.boolean(),
  createAccountsRole: z.string().nullable(),
  enabled: z.boolean(),
  redirectUri: z.string(),
});
export type OidcProviderView = z.infer<typeof oidcProviderSchema>;

/** Checking a provider before saving: the stored secret is used when none is typed. */
export const oidcProviderTestSchema = z.strictObject({
  issuer: oidcProviderInputSchema.shape.issuer,
  clientId: oidcProviderInputSchema.shape.clientId,
  clientSecret: oidcProviderInputSchema.shape.clientSecret,
});
export const oidcProviderTestResultSchema = z.object({ issuer: z.string(), authorizationEndpoint: z.string() });

/** After the provider: the account's own second factor, a TOTP code or a passkey. */
export const oidcSecondFactorRequestSchema = z.union([
  z.strictObject({ totp: z.string().regex(/^\d{6}$/) }),
  z.strictObject({ passkey: authenticationResponseSchema }),
]);
