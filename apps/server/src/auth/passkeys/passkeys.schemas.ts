// Request and answer shapes of the passkey routes. WebAuthn's own JSON (what the browser's
// credential.toJSON() or @simplewebauthn/browser returns) is checked for shape and size here and
// for meaning by @simplewebauthn/server.
import { z } from 'zod';

const b64url = (max: number) =>
  z
    .string()
    .max(max)
    .regex(/^[A-Za-z0-9_-]*$/);

const transports = z.array(z.string().max(20)).max(10).optional();

export const registrationResponseSchema = z.object({
  id: b64url(1400).min(16),
  rawId: b64url(1400).min(16),
  type: z.literal('public-key'),
  authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
  clientExtensionResults: z.record(z.string(), z.unknown()),
  response: z.object({
    clientDataJSON: b64url(4000),
    attestationObject: b64url(20000),
    authenticatorData: b64url(20000).optional(),
    transports,
    publicKeyAlgorithm: z.number().int().min(-65536).max(65535).optional(),
    publicKey: b64url(8000).optional(),
  }),
});

export const authenticationResponseSchema = z.object({
  id: b64url(1400).min(16),
  rawId: b64url(1400).min(16),
  type: z.literal('public-key'),
  authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
  clientExtensionResults: z.record(z.string(), z.unknown()),
  response: z.object({
    clientDataJSON: b64url(4000),
    authenticatorData: b64url(20000),
    // Up to an ML-DSA-87 signature (4,627 bytes), which @simplewebauthn/server verifies where the
    // runtime's WebCrypto has it (Node.js 24): post-quantum authenticators must not be refused by size.
    signature: b64url(8000),
    userHandle: b64url(200).optional(),
  }),
});

export type RegistrationResponseBody = z.infer<typeof registrationResponseSchema>;
export type AuthenticationResponseBody = z.infer<typeof authenticationResponseSchema>;

export const registerVerifyRequestSchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  response: registrationResponseSchema,
});

export const passkeySignInRequestSchema = z.strictObject({ response: authenticationResponseSchema });

/** Password plus a passkey in place of the TOTP code. */
export const passkeySecondFactorRequestSchema = z.strictObject({
  email: z.string().trim().min(3).max(254),
  password: z.string().min(1).max(1024),
  response: authenticationResponseSchema,
});

export const passkeySummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  backedUp: z.boolean(),
});

/** WebAuthn options as JSON, passed through to the browser untouched. */
export const webauthnOptionsSchema = z.record(z.string(), z.unknown());
