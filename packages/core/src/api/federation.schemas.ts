// Peering between Acompaña deployments (docs/federation.md, decision 0145): the administrator API
// and the messages deployments sign and send each other.
import { z } from 'zod';

export const federationPurposes = ['search', 'tracing', 'referral'] as const;
export const federationPurposeSchema = z.enum(federationPurposes);

/** 64 hex characters of SHA-256 over the raw Ed25519 public key, shown in groups of four. */
export const fingerprintSchema = z.string().regex(/^[0-9A-F]{4}(-[0-9A-F]{4}){15}$/);

export const federationIdentitySchema = z.object({
  name: z.string(),
  url: z.string(),
  publicKey: z.string(),
  fingerprint: fingerprintSchema,
});

export const federationInvitationCreateSchema = z.strictObject({
  purposes: z.array(federationPurposeSchema).min(1).max(federationPurposes.length),
  /** Last day the agreement is in force; none means until revoked. */
  validUntil: z.iso.date().nullable().optional(),
});

export const federationInvitationSchema = z.object({
  /** The text to send to the other administrator (any channel): it holds no secret but a one-time token. */
  invitation: z.string(),
  expiresAt: z.string(),
  fingerprint: fingerprintSchema,
});

export const federationPeerAcceptSchema = z.strictObject({
  invitation: z.string().min(1).max(4000),
  /** The administrator read the partner's fingerprint with its administrator, by voice or in person. */
  fingerprintConfirmed: z.literal(true),
});

export const federationConfirmSchema = z.strictObject({
  fingerprintConfirmed: z.literal(true),
});

export const federationPeerSchema = z.object({
  id: z.string(),
  name: z.string(),
  url: z.string(),
  fingerprint: fingerprintSchema,
  purposes: z.array(federationPurposeSchema),
  validUntil: z.string().nullable(),
  /** awaiting_confirmation: this side has not yet checked the partner's fingerprint. */
  status: z.enum(['awaiting_confirmation', 'active', 'revoked']),
  revokedBy: z.enum(['us', 'them']).nullable(),
  createdAt: z.string(),
});
export const federationPeerListSchema = z.object({
  identity: federationIdentitySchema,
  peers: z.array(federationPeerSchema),
});

export const federationCheckSchema = z.object({ reachable: z.boolean(), peerName: z.string().optional() });

// What deployments send each other (signed; RFC 9421).
export const peerAnswerSchema = z.strictObject({
  token: z.string().min(20).max(100),
  name: z.string().min(1).max(200),
  url: z.string().url().max(500),
  publicKey: z.string().min(40).max(60),
  purposes: z.array(federationPurposeSchema).min(1).max(3),
});
export const peerRevokeSchema = z.strictObject({ reason: z.string().max(500).optional() });
