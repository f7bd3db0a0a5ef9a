// What peered deployments call: /federation/v1/*. No session or cookie here: every request must
// carry an RFC 9421 signature by a known peer's key (the answer to an invitation is signed by the
// key it introduces), over its body's digest, fresh (created within 5 minutes, not expired) and
// with a nonce not seen from that peer before. Checked in this order: signature and digest,
// freshness, known peer, agreement in force and purpose allowed, nonce. A refusal is audited and
// nothing is applied. Answers are signed and bound to the request's nonce.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { peerRevokeSchema, SECRET_BYTES } from '@acompana/core';
import { randomBytes } from 'node:crypto';
import type { AppContext } from '../app-context.ts';
import { AppError } from '../kernel/errors.ts';
import { fingerprintOf, publicKeyObject, type IdentityStore } from './identity.ts';
import { peerUrlAllowed } from './invitation.ts';
import { signResponse, verifySigned } from './signatures.ts';
import { hashToken } from './peers.service.ts';
import * as q from './peers.queries.ts';
import { deriveSearchSecret, narrowTracingFields, peerAnswerWithAgreementSchema } from './agreement.ts';
import { openBytesFor, sealBytesFor } from './federation-crypto.ts';
import { closeAgreement } from './search.queries.ts';

const BODY_LIMIT = 256 * 1024;

declare module 'fastify' {
  interface FastifyRequest {
    federationRawBody?: string;
  }
}

type Verified = { peer: q.PeerRow | null; keyid: string; nonce: string };

/** What other signed endpoints (search-endpoints.ts) use to check and answer a peer's request. */
export interface PeerEndpointTools {
  verify(request: FastifyRequest): Promise<Verified>;
  inForce(peer: q.PeerRow | null): peer is q.PeerRow;
  refuse(request: FastifyRequest, reason: string, keyid?: string): Promise<never>;
  answer(reply: FastifyReply, nonce: string, status: number, payload: object): Promise<FastifyReply>;
}

export type SignedEndpoints = (
  scope: FastifyInstance,
  tools: PeerEndpointTools,
  options: { compress: false; schema: { hide: true } },
) => void;

export async function registerPeerEndpoints(
  app: FastifyInstance,
  ctx: AppContext,
  identities: IdentityStore,
  more: readonly SignedEndpoints[] = [],
) {
  const { db, audit, clock } = ctx;

  const refuse = async (request: FastifyRequest, reason: string, keyid?: string): Promise<never> => {
    await audit.record({
      action: 'federation.request_refused',
      recordType: 'federation_peer',
      ip: request.ip,
      details: { path: request.url.slice(0, 200), reason, keyid: keyid ?? null },
    });
    throw new AppError(
      reason === 'replayed'
        ? 'federation.replayed'
        : reason === 'purpose_not_agreed'
          ? 'federation.purpose_not_agreed'
          : 'federation.signature_invalid',
    );
  };

  /** Checks the signature; `introducedKey` is the key an invitation's answer brings with it. */
  async function verify(request: FastifyRequest, introducedKey?: string): Promise<Verified> {
    const body = request.federationRawBody ?? '';
    const checked = await verifySigned(
      {
        method: request.method,
        url: `${ctx.config.publicUrl ?? 'http://localhost:3000'}${request.url}`,
        headers: request.headers,
        body,
      },
      async (keyid) => {
        if (introducedKey) return fingerprintOf(introducedKey) === keyid ? publicKeyObject(introducedKey) : null;
        const peer = await q.peerByFingerprint(db, keyid);
        return peer ? publicKeyObject(peer.public_key) : null;
      },
    );
    if ('failure' in checked) return refuse(request, checked.failure);
    const peer = introducedKey ? null : ((await q.peerByFingerprint(db, checked.keyid)) ?? null);
    return { peer, keyid: checked.keyid, nonce: checked.nonce };
  }

  function inForce(peer: q.PeerRow | null): peer is q.PeerRow {
    if (!peer || peer.status !== 'active') return false;
    return !peer.valid_until || peer.valid_until >= clock().toISOString().slice(0, 10);
  }

  async function answer(reply: FastifyReply, nonce: string, status: number, payload: object) {
    const body = JSON.stringify(payload);
    const headers = await signResponse(await identities.identity(), status, body, nonce);
    return reply.status(status).headers(headers).send(body);
  }

  await app.register(
    async (scope) => {
      // The signature covers the exact bytes: this scope keeps them (the app-wide JSON parser does not).
      scope.removeContentTypeParser('application/json');
      scope.addContentTypeParser(
        'application/json',
        { parseAs: 'string', bodyLimit: BODY_LIMIT },
        (request, raw, done) => {
          request.federationRawBody = raw as string;
          try {
            done(null, raw === '' ? {} : JSON.parse(raw as string));
          } catch {
            done(new AppError('validation.invalid_json'), undefined);
          }
        },
      );
      // Signed bytes travel as they are: no content coding under the digest.
      const options = { compress: false, schema: { hide: true } } as const;

      scope.post('/answer', options, async (request, reply) => {
        const parsed = peerAnswerWithAgreementSchema.safeParse(request.body);
        if (!parsed.success) throw new AppError('federation.invitation_invalid');
        const input = parsed.data;
        const { nonce } = await verify(request, input.publicKey);
        if (!peerUrlAllowed(input.url)) throw new AppError('federation.not_https');
        const now = clock();
        const peer = await db.transaction(async (tx) => {
          const { rows } = await tx.query<{
            id: string;
            org_id: string;
            purposes: string[];
            valid_until: string | null;
            agreement_key: unknown;
            tracing_fields: string[];
          }>(
            `UPDATE federation_invitations SET used_at = $2
              WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2
              RETURNING id::text AS id, org_id::text AS org_id, purposes, to_char(valid_until, 'YYYY-MM-DD') AS valid_until,
                agreement_key, tracing_fields`,
            [hashToken(input.token), now],
          );
          const invitation = rows[0];
          if (!invitation) return null;
          // The answer may narrow the purposes and the tracing fields, never widen them.
          if (!input.purposes.every((p) => invitation.purposes.includes(p))) return null;
          const tracingFields = narrowTracingFields(invitation.tracing_fields, input.tracingFields);
          if (!tracingFields) return null;
          if (await q.peerByFingerprint(tx, fingerprintOf(input.publicKey))) return null;
          const row = await q.insertPeer(tx, {
            orgId: invitation.org_id,
            name: input.name,
            url: input.url,
            publicKey: input.publicKey,
            fingerprint: fingerprintOf(input.publicKey),
            purposes: input.purposes,
            validUntil: invitation.valid_until,
            status: 'awaiting_confirmation',
            confirmedBy: null,
            at: now,
          });
          await q.rememberNonce(tx, row.id, nonce, now);
          // The agreement's linkage secret from our half (kept since the invitation) and theirs;
          // our half is erased now that it has served.
          const keys = ctx.keyring.withQueryable(tx);
          const org = invitation.org_id;
          const secret =
            invitation.agreement_key && input.agreementKey
              ? deriveSearchSecret(
                  (
                    await openBytesFor(keys, org, 'federation_invitations', 'agreement_key', invitation.agreement_key)
                  ).toString('base64'),
                  input.agreementKey,
                  hashToken(input.token),
                )
              : null;
          await tx.query('UPDATE federation_invitations SET agreement_key = NULL WHERE id = $1', [invitation.id]);
          await q.setAgreement(tx, row.id, {
            agreementId: hashToken(input.token),
            searchSecret: secret ? await sealBytesFor(keys, org, 'federation_peers', 'search_secret', secret) : null,
            ownerKey: await sealBytesFor(keys, org, 'federation_peers', 'owner_key', randomBytes(SECRET_BYTES)),
            tracingFields,
          });
          await audit.append(tx, {
            action: 'federation.peer_answered',
            recordType: 'federation_peer',
            recordId: row.id,
            orgId: invitation.org_id,
            ip: request.ip,
            details: {
              fingerprint: row.fingerprint,
              invitationId: invitation.id,
              tracingFields: tracingFields.join(','),
              searchSecret: secret !== null,
            },
          });
          return row;
        });
        if (!peer) throw new AppError('federation.invitation_invalid');
        return answer(reply, nonce, 200, { name: ctx.config.deploymentName });
      });

      scope.post('/ping', options, async (request, reply) => {
        const { peer, nonce, keyid } = await verify(request);
        if (!inForce(peer)) return refuse(request, 'agreement_not_in_force', keyid);
        if (!(await q.rememberNonce(db, peer.id, nonce, clock()))) return refuse(request, 'replayed', keyid);
        return answer(reply, nonce, 200, { name: ctx.config.deploymentName });
      });

      scope.post('/revoke', options, async (request, reply) => {
        if (!peerRevokeSchema.safeParse(request.body).success) throw new AppError('validation.invalid_value');
        const { peer, nonce, keyid } = await verify(request);
        // A peer whose agreement ended may still say so; an unknown key may not.
        if (!peer) return refuse(request, 'unknown_key', keyid);
        if (!(await q.rememberNonce(db, peer.id, nonce, clock()))) return refuse(request, 'replayed', keyid);
        if (peer.status !== 'revoked') {
          await db.transaction(async (tx) => {
            await tx.query(
              "UPDATE federation_peers SET status = 'revoked', revoked_at = $2, revoked_by = 'them' WHERE id = $1",
              [peer.id, clock()],
            );
            await closeAgreement(tx, peer.id);
            await audit.append(tx, {
              action: 'federation.peer_revoked_by_partner',
              recordType: 'federation_peer',
              recordId: peer.id,
              orgId: peer.org_id,
              ip: request.ip,
              details: { fingerprint: peer.fingerprint },
            });
          });
        }
        return answer(reply, nonce, 200, { revoked: true });
      });

      const tools: PeerEndpointTools = { verify: (request) => verify(request), inForce, refuse, answer };
      for (const register of more) register(scope, tools, options);
    },
    { prefix: '/federation/v1' },
  );
}
