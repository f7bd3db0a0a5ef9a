// Peering, as an organisation's administrator does it (docs/federation.md §2): invite, accept a
// pasted invitation after reading the partner's fingerprint aloud, confirm the partner's
// fingerprint on the inviting side, check that a peer answers, revoke at once.
import { createHash, randomBytes } from 'node:crypto';
import { can, type Actor } from '@acompana/core';
import type { z } from 'zod';
import { SECRET_BYTES } from '@acompana/core';
import type { Database } from '../kernel/db/database.ts';
import type { Keyring } from '../kernel/crypto/keyring.ts';
import type { AuditWriter } from '../audit/audit-log.ts';
import { AppError } from '../kernel/errors.ts';
import { publicKeyObject, type IdentityStore } from './identity.ts';
import { decodeInvitation, encodeInvitation } from './invitation.ts';
import { callPeer } from './peer-client.ts';
import * as q from './peers.queries.ts';
import {
  DEFAULT_TRACING_FIELDS,
  deriveSearchSecret,
  narrowTracingFields,
  newAgreementKeyPair,
  signAgreementKey,
  type invitationCreateSchema,
  type peerViewSchema,
  type TracingField,
} from './agreement.ts';
import { sealBytesFor } from './federation-crypto.ts';
import { closeAgreement } from './search.queries.ts';

const INVITATION_HOURS = 72;

export const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

export function peerView(row: q.PeerRow): z.infer<typeof peerViewSchema> {
  return {
    id: row.id,
    name: row.name,
    url: row.base_url,
    fingerprint: row.fingerprint,
    purposes: row.purposes as ('search' | 'tracing' | 'referral')[],
    validUntil: row.valid_until,
    status: row.status,
    revokedBy: row.revoked_by,
    createdAt: new Date(row.created_at).toISOString(),
    tracingFields: row.tracing_fields as TracingField[],
    searchReady: row.search_ready,
  };
}

export interface PeersDeps {
  db: Database;
  keyring: Keyring;
  audit: AuditWriter;
  clock: () => Date;
  identities: IdentityStore;
  publicUrl: string;
  deploymentName: string;
}

export function createPeersService(deps: PeersDeps) {
  const { db, keyring, audit, clock, identities } = deps;

  function adminOrg(actor: Actor, action: 'read' | 'create' | 'update'): string {
    const orgId = actor.orgId;
    // Peering is an agreement to share, decided by the organisation's administrators.
    if (!orgId || !can(actor, action, { type: 'sharing_agreement', orgId })) throw new AppError('policy.denied');
    return orgId;
  }

  async function ownPeer(actor: Actor, id: string): Promise<q.PeerRow> {
    const orgId = adminOrg(actor, 'update');
    const peer = await q.peerById(db, id);
    if (!peer || peer.org_id !== orgId) throw new AppError('federation.peer_not_found');
    return peer;
  }

  const record = (actor: Actor, action: string, peerId: string | null, ip: string | null, details = {}) =>
    audit.record({
      actorAccountId: actor.accountId,
      actorOrgId: actor.orgId,
      action,
      recordType: 'federation_peer',
      recordId: peerId,
      orgId: actor.orgId,
      ip,
      details,
    });

  return {
    async list(actor: Actor) {
      const orgId = adminOrg(actor, 'read');
      const me = await identities.identity();
      return {
        identity: {
          name: deps.deploymentName,
          url: deps.publicUrl,
          publicKey: me.publicKey,
          fingerprint: me.fingerprint,
        },
        peers: (await q.listPeers(db, orgId)).map(peerView),
      };
    },

    async invite(actor: Actor, input: z.infer<typeof invitationCreateSchema>, ip: string | null) {
      const orgId = adminOrg(actor, 'create');
      const me = await identities.identity();
      const token = randomBytes(32).toString('base64url');
      const now = clock();
      const expiresAt = new Date(now.getTime() + INVITATION_HOURS * 3_600_000);
      const validUntil = input.validUntil ?? null;
      // This side's half of the agreement's linkage secret: kept encrypted until the answer comes.
      const agreement = newAgreementKeyPair();
      const tracingFields = narrowTracingFields(input.tracingFields ?? DEFAULT_TRACING_FIELDS, undefined) ?? [];
      const sealed = await sealBytesFor(
        keyring,
        orgId,
        'federation_invitations',
        'agreement_key',
        Buffer.from(agreement.privateKey, 'base64'),
      );
      const { rows } = await db.query<{ id: string }>(
        `INSERT INTO federation_invitations (token_hash, org_id, purposes, valid_until, created_by, created_at, expires_at,
           agreement_key, tracing_fields)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id::text AS id`,
        [hashToken(token), orgId, input.purposes, validUntil, actor.accountId, now, expiresAt, sealed, tracingFields],
      );
      await record(actor, 'federation.invitation_create', rows[0]?.id ?? null, ip, {
        purposes: input.purposes.join(','),
        tracingFields: tracingFields.join(','),
      });
      const invitation = encodeInvitation({
        name: deps.deploymentName,
        url: deps.publicUrl,
        publicKey: me.publicKey,
        fingerprint: me.fingerprint,
        token,
        purposes: input.purposes,
        validUntil,
        agreementKey: agreement.publicKey,
        agreementKeySignature: signAgreementKey(me.privateKey, hashToken(token), agreement.publicKey),
        tracingFields,
      });
      return { invitation, expiresAt: expiresAt.toISOString(), fingerprint: me.fingerprint };
    },

    /** The answering side: the administrator read the inviter's fingerprint aloud before this. */
    async accept(actor: Actor, text: string, ip: string | null, narrowTo?: readonly TracingField[]) {
      const orgId = adminOrg(actor, 'create');
      const invitation = decodeInvitation(text);
      const me = await identities.identity();
      if (invitation.publicKey === me.publicKey)
        throw new AppError('federation.invitation_invalid', { field: 'invitation' });
      if (await q.peerByFingerprint(db, invitation.fingerprint)) throw new AppError('federation.already_peered');
      const tracingFields = narrowTracingFields(invitation.tracingFields ?? [], narrowTo);
      if (!tracingFields) throw new AppError('validation.invalid_value', { field: 'tracingFields' });
      // Our half of the exchange: the secret is derived here and our private half forgotten at once.
      const agreementId = hashToken(invitation.token);
      const ours = invitation.agreementKey ? newAgreementKeyPair() : null;
      const secret =
        ours && invitation.agreementKey
          ? deriveSearchSecret(ours.privateKey, invitation.agreementKey, agreementId)
          : null;
      const sealedSecret = secret
        ? await sealBytesFor(keyring, orgId, 'federation_peers', 'search_secret', secret)
        : null;
      const sealedOwnerKey = await sealBytesFor(
        keyring,
        orgId,
        'federation_peers',
        'owner_key',
        randomBytes(SECRET_BYTES),
      );
      const answer = await callPeer<{ name: string }>(
        me,
        { baseUrl: invitation.url, publicKey: publicKeyObject(invitation.publicKey) },
        'federation/v1/answer',
        {
          token: invitation.token,
          name: deps.deploymentName,
          url: deps.publicUrl,
          publicKey: me.publicKey,
          purposes: invitation.purposes,
          ...(ours ? { agreementKey: ours.publicKey, tracingFields } : {}),
        },
      );
      if (!answer.ok) {
        await record(actor, 'federation.peer_accept_failed', null, ip, { problem: answer.problem ?? 'unknown' });
        throw new AppError(answer.status === 0 ? 'federation.peer_unreachable' : 'federation.peer_refused', {
          field: 'invitation',
        });
      }
      const peer = await db.transaction(async (tx) => {
        const row = await q.insertPeer(tx, {
          orgId,
          name: invitation.name,
          url: invitation.url,
          publicKey: invitation.publicKey,
          fingerprint: invitation.fingerprint,
          purposes: invitation.purposes,
          validUntil: invitation.validUntil,
          status: 'active',
          confirmedBy: actor.accountId,
          at: clock(),
        });
        await q.setAgreement(tx, row.id, {
          agreementId,
          searchSecret: sealedSecret,
          ownerKey: sealedOwnerKey,
          tracingFields,
        });
        await audit.append(tx, {
          actorAccountId: actor.accountId,
          actorOrgId: orgId,
          action: 'federation.peer_accept',
          recordType: 'federation_peer',
          recordId: row.id,
          orgId,
          ip,
          details: {
            fingerprint: row.fingerprint,
            purposes: row.purposes.join(','),
            tracingFields: tracingFields.join(','),
            searchSecret: secret !== null,
          },
        });
        return row;
      });
      return peerView((await q.peerById(db, peer.id)) as q.PeerRow);
    },

    /** The inviting side confirms the answering deployment's fingerprint, read aloud. */
    async confirm(actor: Actor, id: string, ip: string | null) {
      const peer = await ownPeer(actor, id);
      if (peer.status !== 'awaiting_confirmation') throw new AppError('federation.peer_not_awaiting');
      await db.query(
        "UPDATE federation_peers SET status = 'active', fingerprint_confirmed_by = $2, fingerprint_confirmed_at = $3 WHERE id = $1",
        [id, actor.accountId, clock()],
      );
      await record(actor, 'federation.peer_confirm', id, ip, { fingerprint: peer.fingerprint });
      return peerView((await q.peerById(db, id)) as q.PeerRow);
    },

    async check(actor: Actor, id: string) {
      const peer = await ownPeer(actor, id);
      if (peer.status !== 'active') return { reachable: false };
      const me = await identities.identity();
      const answer = await callPeer<{ name: string }>(
        me,
        { baseUrl: peer.base_url, publicKey: publicKeyObject(peer.public_key) },
        'federation/v1/ping',
        {},
      );
      return answer.ok && answer.body ? { reachable: true, peerName: answer.body.name } : { reachable: false };
    },

    /** Ends the agreement here at once, then tells the peer (it applies it on receipt). */
    async revoke(actor: Actor, id: string, ip: string | null) {
      const peer = await ownPeer(actor, id);
      if (peer.status === 'revoked') return { peer: peerView(peer), partnerInformed: false };
      await db.transaction(async (tx) => {
        await tx.query(
          "UPDATE federation_peers SET status = 'revoked', revoked_at = $2, revoked_by = 'us' WHERE id = $1",
          [id, clock()],
        );
        // The agreement's secret, both sides' encodings and pending messages go; open pairs close.
        await closeAgreement(tx, id);
      });
      const me = await identities.identity();
      const told = await callPeer(
        me,
        { baseUrl: peer.base_url, publicKey: publicKeyObject(peer.public_key) },
        'federation/v1/revoke',
        {},
      );
      await record(actor, 'federation.peer_revoke', id, ip, { partnerInformed: told.ok });
      return { peer: peerView((await q.peerById(db, id)) as q.PeerRow), partnerInformed: told.ok };
    },
  };
}
