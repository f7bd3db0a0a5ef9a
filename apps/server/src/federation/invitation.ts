// The invitation one administrator sends another (by e-mail, a messaging app, on paper): the
// inviting deployment's name, address, public key and fingerprint, the purposes proposed and a
// one-time token. It carries no secret worth stealing: the token only lets the holder answer,
// and the answer is worthless until the inviting administrator confirms the answering
// deployment's fingerprint out of band.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { federationPurposeSchema } from '@acompana/core';
import { AppError } from '../kernel/errors.ts';
import { fingerprintOf, publicKeyObject } from './identity.ts';
import { agreementKeySigned, invitationAgreementFields } from './agreement.ts';

const PREFIX = 'acompana-peer-v1:';

const invitationSchema = z.strictObject({
  name: z.string().min(1).max(200),
  url: z.string().url().max(500),
  publicKey: z.string().min(40).max(60),
  fingerprint: z.string(),
  token: z.string().min(20).max(100),
  purposes: z.array(federationPurposeSchema).min(1).max(3),
  validUntil: z.iso.date().nullable(),
  // The inviter's half of the agreement's linkage secret and the tracing fields (decision 0151).
  ...invitationAgreementFields,
});
export type Invitation = z.infer<typeof invitationSchema>;

export function encodeInvitation(invitation: Invitation): string {
  return PREFIX + Buffer.from(JSON.stringify(invitation), 'utf8').toString('base64url');
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Deployments talk over HTTPS. Plain HTTP is accepted only to this machine's loopback address
 * (several deployments on one machine: a trial, the tests), where nothing crosses a network.
 */
export function peerUrlAllowed(url: string): boolean {
  try {
    const parsed = new URL(url);
    if (parsed.username || parsed.password || parsed.search || parsed.hash) return false;
    return parsed.protocol === 'https:' || (parsed.protocol === 'http:' && LOOPBACK.has(parsed.hostname));
  } catch {
    return false;
  }
}

/** The invitation pasted by an administrator, checked: shape, address, key and fingerprint. */
export function decodeInvitation(text: string): Invitation {
  const trimmed = text.trim();
  let parsed: unknown;
  try {
    if (!trimmed.startsWith(PREFIX)) throw new Error('prefix');
    parsed = JSON.parse(Buffer.from(trimmed.slice(PREFIX.length), 'base64url').toString('utf8'));
  } catch {
    throw new AppError('federation.invitation_invalid', { field: 'invitation' });
  }
  const result = invitationSchema.safeParse(parsed);
  if (!result.success) throw new AppError('federation.invitation_invalid', { field: 'invitation' });
  const invitation = result.data;
  try {
    publicKeyObject(invitation.publicKey);
  } catch {
    throw new AppError('federation.invitation_invalid', { field: 'invitation' });
  }
  if (fingerprintOf(invitation.publicKey) !== invitation.fingerprint)
    throw new AppError('federation.invitation_invalid', { field: 'invitation' });
  if (!peerUrlAllowed(invitation.url)) throw new AppError('federation.not_https', { field: 'invitation' });
  // The half of the exchange must be the inviting deployment's own (its key is the one read aloud).
  if (
    invitation.agreementKey &&
    !agreementKeySigned(
      publicKeyObject(invitation.publicKey),
      createHash('sha256').update(invitation.token, 'utf8').digest('hex'),
      invitation.agreementKey,
      invitation.agreementKeySignature ?? '',
    )
  )
    throw new AppError('federation.invitation_invalid', { field: 'invitation' });
  return invitation;
}
