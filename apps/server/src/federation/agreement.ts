// The agreement's linkage secret (docs/federation.md §2.4, decision 0151): derived, never sent.
// The inviting side makes an X25519 key pair for the invitation and signs its public half with its
// deployment key (whose fingerprint the administrators read aloud); the answering side makes its
// own pair, and its public half travels in the signed answer. Each side computes
// HKDF-SHA256(X25519 shared secret, salt = agreement id, info = "acompana-pprl-v1"): the same 256
// bits, chosen by neither alone. The agreement id is SHA-256 of the invitation's one-time token,
// which both sides know. A new agreement gets a new secret, which makes every earlier encoding
// useless. Also here: the fields a tracing exchange may reveal, and the extended schemas of the
// invitation and answer that carry all this.
import {
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { z } from 'zod';
import {
  federationInvitationCreateSchema,
  federationPeerAcceptSchema,
  federationPeerListSchema,
  federationPeerSchema,
  peerAnswerSchema,
} from '@acompana/core';

/**
 * What a tracing exchange may reveal, once reviewers on both sides agreed. Each agreement lists
 * some of them; a side sends only those of its own record that both sides accepted.
 */
export const TRACING_FIELDS = [
  'givenNames',
  'surnames',
  'birthDate',
  'sex',
  'nationality',
  /** Last seen (a report), found (a found record), registered (a person). */
  'place',
  'date',
  /** The organisation's name, its deployment, and the e-mail of the reviewer who agreed. */
  'organisationContact',
] as const;
export type TracingField = (typeof TRACING_FIELDS)[number];
export const tracingFieldSchema = z.enum(TRACING_FIELDS);
export const DEFAULT_TRACING_FIELDS: readonly TracingField[] = [
  'givenNames',
  'surnames',
  'birthDate',
  'organisationContact',
];

const tracingFieldsSchema = z.array(tracingFieldSchema).max(TRACING_FIELDS.length);

// The administrators' API, with the agreement's tracing fields.
export const invitationCreateSchema = federationInvitationCreateSchema.extend({
  /** Fields a tracing exchange may reveal; the usual four when not said. */
  tracingFields: tracingFieldsSchema.optional(),
});
export const peerAcceptSchema = federationPeerAcceptSchema.extend({
  /** Narrows the invitation's tracing fields (never widens them). */
  tracingFields: tracingFieldsSchema.optional(),
});
export const peerViewSchema = federationPeerSchema.extend({
  tracingFields: z.array(tracingFieldSchema),
  /** Both sides hold the agreement's linkage secret: searches can be exchanged. */
  searchReady: z.boolean(),
});
export const peerListViewSchema = federationPeerListSchema.extend({ peers: z.array(peerViewSchema) });

// Raw X25519 public key, base64url (32 bytes).
const agreementKeySchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

/** The signed answer of the answering deployment, with its half of the exchange. */
export const peerAnswerWithAgreementSchema = peerAnswerSchema.extend({
  agreementKey: agreementKeySchema.optional(),
  tracingFields: tracingFieldsSchema.optional(),
});

/** What an invitation adds for the agreement (optional: an older deployment's has none). */
export const invitationAgreementFields = {
  agreementKey: agreementKeySchema.optional(),
  /** Ed25519 signature by the inviting deployment over the agreement id and agreementKey. */
  agreementKeySignature: z.string().max(200).optional(),
  tracingFields: tracingFieldsSchema.optional(),
};

const X25519_SPKI_PREFIX = Buffer.from('302a300506032b656e032100', 'hex');
const INFO = 'acompana-pprl-v1';
const SIGNED_LABEL = 'acompana-agreement-key-v1';

export interface AgreementKeyPair {
  /** Raw public key, base64url: travels in the invitation or the answer. */
  publicKey: string;
  /** PKCS#8 DER, base64: kept encrypted (inviting side) or forgotten at once (answering side). */
  privateKey: string;
}

export function newAgreementKeyPair(): AgreementKeyPair {
  const pair = generateKeyPairSync('x25519');
  const raw = pair.publicKey.export({ format: 'der', type: 'spki' }).subarray(X25519_SPKI_PREFIX.length);
  return {
    publicKey: raw.toString('base64url'),
    privateKey: pair.privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
  };
}

/** The agreement's 256-bit linkage secret, the same on both sides. */
export function deriveSearchSecret(ourPrivateKey: string, theirPublicKey: string, agreementId: string): Buffer {
  const raw = Buffer.from(theirPublicKey, 'base64url');
  if (raw.length !== 32) throw new Error('an X25519 public key is 32 bytes');
  const shared = diffieHellman({
    privateKey: createPrivateKey({ key: Buffer.from(ourPrivateKey, 'base64'), format: 'der', type: 'pkcs8' }),
    publicKey: createPublicKey({ key: Buffer.concat([X25519_SPKI_PREFIX, raw]), format: 'der', type: 'spki' }),
  });
  return Buffer.from(hkdfSync('sha256', shared, Buffer.from(agreementId, 'utf8'), Buffer.from(INFO, 'utf8'), 32));
}

const signedBytes = (agreementId: string, agreementKey: string) =>
  Buffer.from(`${SIGNED_LABEL}\n${agreementId}\n${agreementKey}`, 'utf8');

/** The inviting deployment vouches for its half: the invitation's text itself is not signed. */
export function signAgreementKey(privateKey: KeyObject, agreementId: string, agreementKey: string): string {
  return sign(null, signedBytes(agreementId, agreementKey), privateKey).toString('base64url');
}

export function agreementKeySigned(
  publicKey: KeyObject,
  agreementId: string,
  agreementKey: string,
  signature: string,
): boolean {
  try {
    return verify(null, signedBytes(agreementId, agreementKey), publicKey, Buffer.from(signature, 'base64url'));
  } catch {
    return false;
  }
}

/** Tracing fields both sides accepted: the answer may narrow the invitation's, never widen them. */
export function narrowTracingFields(
  proposed: readonly string[],
  accepted: readonly string[] | undefined,
): TracingField[] | null {
  const offered = TRACING_FIELDS.filter((f) => proposed.includes(f));
  if (accepted === undefined) return offered;
  if (!accepted.every((f) => offered.includes(f as TracingField))) return null;
  return TRACING_FIELDS.filter((f) => accepted.includes(f));
}
