// Calling a peer deployment: a signed request, and an answer accepted only when the peer's key
// signed it for this very request (its nonce). Anything else is "unreachable" to the caller,
// with the reason kept for the log.
import type { KeyObject } from 'node:crypto';
import { signRequest, verifySigned } from './signatures.ts';
import type { SigningIdentity } from './identity.ts';

export interface PeerAnswer<T> {
  ok: boolean;
  status: number;
  body?: T;
  /** Why the answer was not accepted (network, signature, status). */
  problem?: string;
}

const TIMEOUT_MS = 10_000;

export async function callPeer<T>(
  me: SigningIdentity,
  peer: { baseUrl: string; publicKey: KeyObject },
  path: string,
  payload: unknown,
): Promise<PeerAnswer<T>> {
  const url = new URL(path, peer.baseUrl.endsWith('/') ? peer.baseUrl : `${peer.baseUrl}/`).toString();
  const signed = await signRequest(me, 'POST', url, payload);
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: signed.headers,
      body: signed.body,
      redirect: 'error',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    return { ok: false, status: 0, problem: `network: ${(error as Error).message}` };
  }
  const text = await response.text();
  const verified = await verifySigned(
    { status: response.status, headers: Object.fromEntries(response.headers), body: text, requestNonce: signed.nonce },
    async () => peer.publicKey,
  );
  if ('failure' in verified) return { ok: false, status: response.status, problem: `answer ${verified.failure}` };
  let body: T | undefined;
  try {
    body = JSON.parse(text) as T;
  } catch {
    return { ok: false, status: response.status, problem: 'answer is not JSON' };
  }
  return response.ok
    ? { ok: true, status: response.status, body }
    : { ok: false, status: response.status, body, problem: `status ${response.status}` };
}
