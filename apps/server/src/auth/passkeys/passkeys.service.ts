// Passkeys (WebAuthn) with @simplewebauthn/server: registration for a signed-in account, and
// verification of a sign-in, either on its own (a discoverable credential names its account) or
// in place of the TOTP code after the password. Challenges live server side, are single-use (the
// row is deleted by the statement that checks it) and expire after five minutes; the signature
// counter is stored and must grow (docs/decisions/0130-passkeys-and-oidc.md).
import { createHash } from 'node:crypto';
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import type { Database, Queryable } from '../../kernel/db/database.ts';
import { toBuffer } from '../../kernel/db/database.ts';
import { AppError } from '../../kernel/errors.ts';
import type { AuditWriter } from '../../audit/audit-log.ts';
import type { RelyingParty } from './relying-party.ts';
import type { AuthenticationResponseBody, RegistrationResponseBody } from './passkeys.schemas.ts';

export const CHALLENGE_MINUTES = 5;

type Purpose = 'registration' | 'authentication';

interface PasskeyRow {
  id: string;
  account_id: string;
  credential_id: string;
  public_key: unknown;
  sign_count: string | number;
  transports: string[];
}

export interface PasskeySummary {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  backedUp: boolean;
}

export interface PasskeyDeps {
  db: Database;
  audit: AuditWriter;
  clock: () => Date;
}

function challengeHash(challenge: string): string {
  return createHash('sha256').update(challenge).digest('hex');
}

export function createPasskeyService({ db, audit, clock }: PasskeyDeps) {
  async function storeChallenge(challenge: string, purpose: Purpose, accountId: string | null): Promise<void> {
    const now = clock();
    // Expired challenges of anyone go with each new one, so the table stays small without a job.
    await db.query('DELETE FROM webauthn_challenges WHERE expires_at <= $1', [now]);
    await db.query(
      'INSERT INTO webauthn_challenges (challenge_hash, purpose, account_id, expires_at) VALUES ($1, $2, $3, $4)',
      [challengeHash(challenge), purpose, accountId, new Date(now.getTime() + CHALLENGE_MINUTES * 60_000)],
    );
  }

  /** Deletes the challenge and says whether it was there, unexpired, for this purpose and account. */
  async function consumeChallenge(
    q: Queryable,
    challenge: string,
    purpose: Purpose,
    accountId: string | null,
  ): Promise<boolean> {
    const { rows } = await q.query<{ account_id: string | null; expires_at: Date; purpose: string }>(
      'DELETE FROM webauthn_challenges WHERE challenge_hash = $1 RETURNING account_id::text AS account_id, expires_at, purpose',
      [challengeHash(challenge)],
    );
    const row = rows[0];
    return (
      !!row &&
      row.purpose === purpose &&
      row.account_id === accountId &&
      new Date(row.expires_at).getTime() > clock().getTime()
    );
  }

  /** The challenge the browser signed, read from clientDataJSON (checked again by the library). */
  function signedChallenge(clientDataJSON: string): string {
    try {
      const data = JSON.parse(Buffer.from(clientDataJSON, 'base64url').toString('utf8')) as { challenge?: unknown };
      return typeof data.challenge === 'string' ? data.challenge : '';
    } catch {
      return '';
    }
  }

  async function registrationOptions(
    account: { id: string; email: string; displayName: string },
    rp: RelyingParty,
    ip: string,
  ): Promise<PublicKeyCredentialCreationOptionsJSON> {
    const existing = await db.query<{ credential_id: string; transports: string[] }>(
      'SELECT credential_id, transports FROM passkeys WHERE account_id = $1',
      [account.id],
    );
    const options = await generateRegistrationOptions({
      rpName: rp.name,
      rpID: rp.rpId,
      userName: account.email,
      userDisplayName: account.displayName,
      // The user handle is the account id: a sign-in with a discoverable credential names its account.
      userID: new Uint8Array(Buffer.from(account.id, 'utf8')),
      attestationType: 'none',
      excludeCredentials: existing.rows.map((r) => ({ id: r.credential_id, transports: r.transports })),
      // Discoverable (it can sign in alone) and user-verified (PIN or biometric: two factors in one).
      authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
      timeout: CHALLENGE_MINUTES * 60_000,
    });
    await storeChallenge(options.challenge, 'registration', account.id);
    await audit.record({
      actorAccountId: account.id,
      action: 'passkey.register_started',
      recordType: 'account',
      recordId: account.id,
      ip,
    });
    return options;
  }

  async function registerFailed(accountId: string, ip: string, reason: string): Promise<never> {
    await audit.record({
      actorAccountId: accountId,
      action: 'passkey.register_failed',
      recordType: 'account',
      recordId: accountId,
      ip,
      details: { reason },
    });
    throw new AppError(reason === 'challenge' ? 'auth.passkey_challenge_expired' : 'auth.passkey_invalid');
  }

  async function verifyRegistration(
    accountId: string,
    rp: RelyingParty,
    input: { name: string; response: RegistrationResponseBody },
    ip: string,
  ): Promise<PasskeySummary> {
    const challenge = signedChallenge(input.response.response.clientDataJSON);
    if (!(await consumeChallenge(db, challenge, 'registration', accountId)))
      return registerFailed(accountId, ip, 'challenge');
    let verified;
    try {
      verified = await verifyRegistrationResponse({
        response: input.response as RegistrationResponseJSON,
        expectedChallenge: challenge,
        expectedOrigin: rp.origin,
        expectedRPID: rp.rpId,
        requireUserVerification: true,
      });
    } catch {
      return registerFailed(accountId, ip, 'verification');
    }
    if (!verified.verified) return registerFailed(accountId, ip, 'verification');
    const info = verified.registrationInfo;
    return db.transaction(async (tx) => {
      const taken = await tx.query('SELECT 1 FROM passkeys WHERE credential_id = $1', [info.credential.id]);
      if (taken.rowCount) throw new AppError('auth.passkey_invalid');
      const { rows } = await tx.query<{ id: string; created_at: Date }>(
        `INSERT INTO passkeys (account_id, credential_id, public_key, sign_count, transports, device_type, backed_up, name, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id::text AS id, created_at`,
        [
          accountId,
          info.credential.id,
          Buffer.from(info.credential.publicKey),
          info.credential.counter,
          info.credential.transports ?? [],
          info.credentialDeviceType,
          info.credentialBackedUp,
          input.name,
          clock(),
        ],
      );
      const row = rows[0]!;
      await audit.append(tx, {
        actorAccountId: accountId,
        action: 'passkey.register',
        recordType: 'passkey',
        recordId: row.id,
        ip,
        details: { backedUp: info.credentialBackedUp, deviceType: info.credentialDeviceType },
      });
      return {
        id: row.id,
        name: input.name,
        createdAt: new Date(row.created_at).toISOString(),
        lastUsedAt: null,
        backedUp: info.credentialBackedUp,
      };
    });
  }

  async function authenticationOptions(rp: RelyingParty): Promise<PublicKeyCredentialRequestOptionsJSON> {
    const options = await generateAuthenticationOptions({
      rpID: rp.rpId,
      userVerification: 'required',
      timeout: CHALLENGE_MINUTES * 60_000,
    });
    await storeChallenge(options.challenge, 'authentication', null);
    return options;
  }

  /**
   * Checks a sign-in assertion and returns the account it proves. With `forAccount` (the passkey as
   * second factor after a password) the passkey must belong to that account. A failure is audited
   * against the passkey's account when the credential is known.
   */
  async function verifyAuthentication(
    rp: RelyingParty,
    response: AuthenticationResponseBody,
    ip: string,
    forAccount?: string,
  ): Promise<{ accountId: string; passkeyId: string }> {
    const challenge = signedChallenge(response.response.clientDataJSON);
    const fresh = await consumeChallenge(db, challenge, 'authentication', null);
    const { rows } = await db.query<PasskeyRow>(
      `SELECT id::text AS id, account_id::text AS account_id, credential_id, public_key, sign_count, transports
         FROM passkeys WHERE credential_id = $1`,
      [response.id],
    );
    const passkey = rows[0];
    const fail = async (reason: string): Promise<never> => {
      if (passkey)
        await audit.record({
          actorAccountId: passkey.account_id,
          action: 'auth.login_failed',
          recordType: 'passkey',
          recordId: passkey.id,
          ip,
          details: { reason: `passkey_${reason}` },
        });
      throw new AppError(reason === 'challenge' ? 'auth.passkey_challenge_expired' : 'auth.passkey_invalid');
    };
    if (!fresh) return fail('challenge');
    if (!passkey || (forAccount && passkey.account_id !== forAccount)) return fail('unknown_credential');
    // An administrator's forced password reset (decision 0129) voids the passkeys registered before
    // it: one added by whoever held the account must not outlive the reset.
    const voided = await db.query(
      `SELECT 1 FROM password_resets r JOIN passkeys p ON p.account_id = r.account_id
        WHERE p.id = $1 AND r.requested_by IS NOT NULL AND r.created_at >= p.created_at LIMIT 1`,
      [passkey.id],
    );
    if (voided.rowCount) return fail('reset_since');
    const handle = response.response.userHandle;
    if (handle && Buffer.from(handle, 'base64url').toString('utf8') !== passkey.account_id) return fail('user_handle');
    let result;
    try {
      result = await verifyAuthenticationResponse({
        response: response as AuthenticationResponseJSON,
        expectedChallenge: challenge,
        expectedOrigin: rp.origin,
        expectedRPID: rp.rpId,
        requireUserVerification: true,
        credential: {
          id: passkey.credential_id,
          publicKey: new Uint8Array(toBuffer(passkey.public_key)),
          counter: Number(passkey.sign_count),
          transports: passkey.transports,
        },
      });
    } catch {
      // Includes a counter that did not grow: a sign that the authenticator was cloned.
      return fail('verification');
    }
    if (!result.verified) return fail('verification');
    // The counter only moves forward, even if two sign-ins with one passkey race.
    await db.query('UPDATE passkeys SET sign_count = greatest(sign_count, $2), last_used_at = $3 WHERE id = $1', [
      passkey.id,
      result.authenticationInfo.newCounter,
      clock(),
    ]);
    return { accountId: passkey.account_id, passkeyId: passkey.id };
  }

  async function list(accountId: string): Promise<PasskeySummary[]> {
    const { rows } = await db.query<{
      id: string;
      name: string;
      created_at: Date;
      last_used_at: Date | null;
      backed_up: boolean;
    }>(
      `SELECT id::text AS id, name, created_at, last_used_at, backed_up FROM passkeys
        WHERE account_id = $1 ORDER BY created_at, id`,
      [accountId],
    );
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      createdAt: new Date(r.created_at).toISOString(),
      lastUsedAt: r.last_used_at ? new Date(r.last_used_at).toISOString() : null,
      backedUp: r.backed_up,
    }));
  }

  async function remove(accountId: string, passkeyId: string, ip: string): Promise<void> {
    if (!/^[0-9a-f-]{36}$/i.test(passkeyId)) throw new AppError('auth.passkey_unknown');
    await db.transaction(async (tx) => {
      const { rowCount } = await tx.query('DELETE FROM passkeys WHERE id = $1 AND account_id = $2', [
        passkeyId,
        accountId,
      ]);
      if (rowCount === 0) throw new AppError('auth.passkey_unknown');
      await audit.append(tx, {
        actorAccountId: accountId,
        action: 'passkey.remove',
        recordType: 'passkey',
        recordId: passkeyId,
        ip,
      });
    });
  }

  return { registrationOptions, verifyRegistration, authenticationOptions, verifyAuthentication, list, remove };
}

export type PasskeyService = ReturnType<typeof createPasskeyService>;
