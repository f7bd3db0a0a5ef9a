// Requests and answers between deployments are signed with HTTP Message Signatures (RFC 9421,
// algorithm ed25519, the http-message-signatures library) over the method, the target URI, the
// content type and the body's digest (RFC 9530 content-digest, SHA-256), with created/expires
// (60 s) and a 128-bit nonce; an answer covers its status, its digest and the request's nonce, so
// it cannot be replayed as the answer to another question (docs/federation.md §3).
import { createHash, randomBytes, type KeyObject } from 'node:crypto';
import { createSigner, createVerifier, ExpiredError, httpbis } from 'http-message-signatures';

export const REQUEST_FIELDS = ['@method', '@target-uri', 'content-type', 'content-digest'];
// The server adds a charset to an answer's content type, so the type is left out of its signature;
// the digest covers every byte of the body.
const RESPONSE_FIELDS = ['@status', 'content-digest', 'acompana-request-nonce'];
const PARAMS = ['created', 'expires', 'nonce', 'keyid', 'alg'];
/** How far a peer's clock may be from ours; also the longest a signature is accepted. */
export const CLOCK_TOLERANCE_SECONDS = 300;
const SIGNATURE_LIFETIME_MS = 60_000;

export interface Signed {
  headers: Record<string, string>;
  body: string;
  nonce: string;
}

export function contentDigest(body: string): string {
  return `sha-256=:${createHash('sha256').update(body, 'utf8').digest('base64')}:`;
}

type HeaderValue = string | string[] | undefined;
function flatHeaders(headers: Record<string, HeaderValue>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined) out[name.toLowerCase()] = String(value);
  return out;
}

/** The headers to send with a request of `method` to `url` carrying `payload` (JSON), signed. */
export async function signRequest(
  key: { privateKey: KeyObject; fingerprint: string },
  method: string,
  url: string,
  payload: unknown,
): Promise<Signed> {
  const body = payload === undefined ? '' : JSON.stringify(payload);
  const nonce = randomBytes(16).toString('base64url');
  const signed = await httpbis.signMessage(
    {
      key: createSigner(key.privateKey, 'ed25519', key.fingerprint),
      fields: REQUEST_FIELDS,
      params: PARAMS,
      paramValues: { expires: new Date(Date.now() + SIGNATURE_LIFETIME_MS), nonce },
    },
    { method, url, headers: { 'content-type': 'application/json', 'content-digest': contentDigest(body) } },
  );
  return { headers: flatHeaders(signed.headers), body, nonce };
}

/** The headers of an answer with `status` and `body` to the request that carried `requestNonce`. */
export async function signResponse(
  key: { privateKey: KeyObject; fingerprint: string },
  status: number,
  body: string,
  requestNonce: string,
): Promise<Record<string, string>> {
  const signed = await httpbis.signMessage(
    {
      key: createSigner(key.privateKey, 'ed25519', key.fingerprint),
      fields: RESPONSE_FIELDS,
      params: PARAMS,
      paramValues: {
        expires: new Date(Date.now() + SIGNATURE_LIFETIME_MS),
        nonce: randomBytes(16).toString('base64url'),
      },
    },
    {
      status,
      headers: {
        'content-type': 'application/json',
        'content-digest': contentDigest(body),
        'acompana-request-nonce': requestNonce,
      },
    },
  );
  return flatHeaders(signed.headers);
}

export interface VerifiedSignature {
  keyid: string;
  nonce: string;
  created: Date;
}

export type SignatureFailure = 'missing' | 'unknown_key' | 'invalid' | 'expired' | 'digest_mismatch';

/** What the signature said, or why it is refused. `publicKeyFor` maps a keyid to the key that may sign. */
export async function verifySigned(
  message:
    | { method: string; url: string; headers: Record<string, HeaderValue>; body: string }
    | { status: number; headers: Record<string, HeaderValue>; body: string; requestNonce: string },
  publicKeyFor: (keyid: string) => Promise<KeyObject | null>,
): Promise<VerifiedSignature | { failure: SignatureFailure }> {
  const headers = flatHeaders(message.headers);
  const isResponse = 'status' in message;
  if (!headers.signature || !headers['signature-input']) return { failure: 'missing' };
  if (headers['content-digest'] !== contentDigest(message.body)) return { failure: 'digest_mismatch' };
  if (isResponse && headers['acompana-request-nonce'] !== message.requestNonce) return { failure: 'invalid' };
  let seen: { keyid?: string; nonce?: string; created?: Date } = {};
  let known = true;
  try {
    const config = {
      requiredParams: ['created', 'expires', 'nonce', 'keyid'],
      requiredFields: isResponse ? RESPONSE_FIELDS : REQUEST_FIELDS,
      tolerance: CLOCK_TOLERANCE_SECONDS,
      // The library compares (created - tolerance) with maxAge: twice the tolerance refuses a
      // signature created more than 5 minutes ago (or more than 5 minutes ahead, via notAfter).
      maxAge: 2 * CLOCK_TOLERANCE_SECONDS,
      async keyLookup(params: Record<string, unknown>) {
        seen = { keyid: String(params.keyid), nonce: String(params.nonce), created: params.created as Date };
        const key = await publicKeyFor(String(params.keyid));
        if (!key) {
          known = false;
          return null;
        }
        return { id: String(params.keyid), algs: ['ed25519'], verify: createVerifier(key, 'ed25519') };
      },
    };
    const verified = isResponse
      ? await httpbis.verifyMessage(config, { status: message.status, headers })
      : await httpbis.verifyMessage(config, { method: message.method, url: message.url, headers });
    if (!known) return { failure: 'unknown_key' };
    if (verified !== true || !seen.keyid || !seen.nonce || !seen.created) return { failure: 'invalid' };
    return { keyid: seen.keyid, nonce: seen.nonce, created: seen.created };
  } catch (error) {
    return { failure: error instanceof ExpiredError ? 'expired' : 'invalid' };
  }
}
