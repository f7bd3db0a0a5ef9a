// Two deployments on this machine, each with its own database and keys, listening on loopback:
// an administrator of each peers them (invitation, fingerprints read aloud), they call each
// other with RFC 9421 signatures, and every forged, tampered, stale, replayed or unknown request
// is refused and audited; a revocation on one side ends the agreement on both.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { createSigner, httpbis } from 'http-message-signatures';
import { startHarness, type ApiClient, type TestHarness } from '../testing/test-harness.ts';
import { testDatabaseKinds } from '../testing/test-database.ts';
import { freePort } from '../../../../tests/reliability/real-server.ts';
import { createIdentityStore, fingerprintOf, type SigningIdentity } from './identity.ts';
import { contentDigest, REQUEST_FIELDS, signRequest, verifySigned } from './signatures.ts';
import { publicKeyObject } from './identity.ts';

const kinds = await testDatabaseKinds();

async function deployment(kind: 'pglite' | 'postgres', name: string) {
  const port = await freePort();
  const h = await startHarness(kind, {
    envOverrides: { ACOMPANA_PUBLIC_URL: `http://127.0.0.1:${port}`, ACOMPANA_DEPLOYMENT_NAME: name },
  });
  await h.app.listen({ port, host: '127.0.0.1' });
  return { h, url: `http://127.0.0.1:${port}` };
}

function freshIdentity(): SigningIdentity {
  const pair = generateKeyPairSync('ed25519');
  const publicKey = pair.publicKey.export({ format: 'der', type: 'spki' }).subarray(12).toString('base64url');
  return { publicKey, fingerprint: fingerprintOf(publicKey), privateKey: pair.privateKey };
}

async function post(url: string, headers: Record<string, string>, body: string) {
  const response = await fetch(url, { method: 'POST', headers, body });
  return { status: response.status, headers: Object.fromEntries(response.headers), text: await response.text() };
}

describe('peering two deployments', () => {
  let a: { h: TestHarness; url: string };
  let b: { h: TestHarness; url: string };
  let adminA: ApiClient;
  let adminB: ApiClient;
  let keyOfB: SigningIdentity;
  let peerOfBAtA: string;

  before(async () => {
    a = await deployment('pglite', 'Red de albergues (México)');
    b = await deployment(kinds.includes('postgres') ? 'postgres' : 'pglite', 'Comités de familias (Honduras)');
    await a.h.createAccount({ org: 'red-mx', email: 'admin@red.example', role: 'admin' });
    await a.h.createAccount({ org: 'red-mx', email: 'cw@red.example', role: 'caseworker' });
    await b.h.createAccount({ org: 'comites-hn', email: 'admin@comites.example', role: 'admin' });
    adminA = await a.h.login('admin@red.example');
    adminB = await b.h.login('admin@comites.example');
    keyOfB = await createIdentityStore({ db: b.h.ctx.db, keyring: b.h.ctx.keyring }).identity();
  });
  after(async () => {
    await a?.h.close();
    await b?.h.close();
  });

  it('peers by invitation: each side reads the other fingerprint, then both answer signed pings', async () => {
    const caseworker = await a.h.login('cw@red.example');
    assert.equal((await caseworker.get('/api/admin/federation')).statusCode, 403);

    const invited = await adminA.post('/api/admin/federation/invitations', { purposes: ['search', 'tracing'] });
    assert.equal(invited.statusCode, 201, invited.body);
    const { invitation, fingerprint: fingerprintOfA } = invited.json() as { invitation: string; fingerprint: string };
    assert.match(fingerprintOfA, /^[0-9A-F]{4}(-[0-9A-F]{4}){15}$/);

    // The fingerprint must have been read aloud first.
    assert.equal((await adminB.post('/api/admin/federation/peers', { invitation })).statusCode, 400);
    const accepted = await adminB.post('/api/admin/federation/peers', { invitation, fingerprintConfirmed: true });
    assert.equal(accepted.statusCode, 201, accepted.body);
    const atB = accepted.json() as { id: string; status: string; fingerprint: string; name: string };
    assert.deepEqual([atB.status, atB.fingerprint, atB.name], ['active', fingerprintOfA, 'Red de albergues (México)']);
    // The invitation is spent.
    const again = await adminB.post('/api/admin/federation/peers', { invitation, fingerprintConfirmed: true });
    assert.equal((again.json() as { code: string }).code, 'federation.already_peered');

    const listA = (await adminA.get('/api/admin/federation')).json() as {
      peers: { id: string; status: string; fingerprint: string; purposes: string[] }[];
    };
    const atA = listA.peers[0];
    assert.ok(atA);
    peerOfBAtA = atA.id;
    assert.equal(atA.status, 'awaiting_confirmation');
    assert.equal(atA.fingerprint, keyOfB.fingerprint, 'A shows the fingerprint of the key B really holds');
    assert.deepEqual(atA.purposes, ['search', 'tracing']);
    // Until A confirms, B's calls are refused.
    assert.deepEqual((await adminB.post(`/api/admin/federation/peers/${atB.id}/check`)).json(), { reachable: false });

    const confirmed = await adminA.post(`/api/admin/federation/peers/${atA.id}/confirm`, {
      fingerprintConfirmed: true,
    });
    assert.equal((confirmed.json() as { status: string }).status, 'active');
    assert.deepEqual((await adminB.post(`/api/admin/federation/peers/${atB.id}/check`)).json(), {
      reachable: true,
      peerName: 'Red de albergues (México)',
    });
    assert.deepEqual((await adminA.post(`/api/admin/federation/peers/${atA.id}/check`)).json(), {
      reachable: true,
      peerName: 'Comités de familias (Honduras)',
    });
    // The agreement's linkage secret was derived on both sides (decision 0151), with the tracing
    // fields the invitation proposed.
    for (const admin of [adminA, adminB]) {
      const [peer] = (
        (await admin.get('/api/admin/federation')).json() as {
          peers: { searchReady: boolean; tracingFields: string[] }[];
        }
      ).peers;
      assert.deepEqual(
        [peer?.searchReady, peer?.tracingFields],
        [true, ['givenNames', 'surnames', 'birthDate', 'organisationContact']],
      );
    }
  });

  it('refuses replayed, tampered, stale, misdirected and unknown-key requests, and audits each', async () => {
    const ping = `${a.url}/federation/v1/ping`;
    const keyOfA = publicKeyObject(
      ((await adminA.get('/api/admin/federation')).json() as { identity: { publicKey: string } }).identity.publicKey,
    );
    const signed = await signRequest(keyOfB, 'POST', ping, {});
    const first = await post(ping, signed.headers, signed.body);
    assert.equal(first.status, 200, first.text);
    const answer = await verifySigned(
      { status: first.status, headers: first.headers, body: first.text, requestNonce: signed.nonce },
      async () => keyOfA,
    );
    assert.ok(!('failure' in answer), 'the answer is signed by A for this request');
    const otherNonce = await verifySigned(
      { status: first.status, headers: first.headers, body: first.text, requestNonce: 'another-question' },
      async () => keyOfA,
    );
    assert.ok('failure' in otherNonce, 'an answer cannot be replayed to another question');

    const codeOf = (r: { text: string }) => (JSON.parse(r.text) as { code: string }).code;
    const replay = await post(ping, signed.headers, signed.body);
    assert.deepEqual([replay.status, codeOf(replay)], [401, 'federation.replayed']);

    const tampered = await signRequest(keyOfB, 'POST', ping, {});
    const changed = await post(ping, tampered.headers, JSON.stringify({ extra: true }));
    assert.deepEqual([changed.status, codeOf(changed)], [401, 'federation.signature_invalid']);

    const elsewhere = await signRequest(keyOfB, 'POST', `${a.url}/federation/v1/revoke`, {});
    const misdirected = await post(ping, elsewhere.headers, elsewhere.body);
    assert.equal(misdirected.status, 401, 'signed for another target URI');

    const stranger = await signRequest(freshIdentity(), 'POST', ping, {});
    assert.equal((await post(ping, stranger.headers, stranger.body)).status, 401);

    const old = await httpbis.signMessage(
      {
        key: createSigner(keyOfB.privateKey, 'ed25519', keyOfB.fingerprint),
        fields: REQUEST_FIELDS,
        params: ['created', 'expires', 'nonce', 'keyid', 'alg'],
        paramValues: {
          created: new Date(Date.now() - 20 * 60_000),
          expires: new Date(Date.now() - 19 * 60_000),
          nonce: 'n-old',
        },
      },
      {
        method: 'POST',
        url: ping,
        headers: { 'content-type': 'application/json', 'content-digest': contentDigest('') },
      },
    );
    const stale = await post(ping, old.headers as Record<string, string>, '');
    assert.equal(stale.status, 401, 'a signature from 20 minutes ago');

    // A peer whose clock is four minutes behind is still heard (signatures a few seconds old too).
    const behind = await httpbis.signMessage(
      {
        key: createSigner(keyOfB.privateKey, 'ed25519', keyOfB.fingerprint),
        fields: REQUEST_FIELDS,
        params: ['created', 'expires', 'nonce', 'keyid', 'alg'],
        paramValues: {
          created: new Date(Date.now() - 4 * 60_000),
          expires: new Date(Date.now() + 60_000),
          nonce: 'n-behind',
        },
      },
      {
        method: 'POST',
        url: ping,
        headers: { 'content-type': 'application/json', 'content-digest': contentDigest('') },
      },
    );
    const skewed = await post(ping, behind.headers as Record<string, string>, '');
    assert.equal(skewed.status, 200, skewed.text);

    const unsigned = await post(ping, { 'content-type': 'application/json' }, '{}');
    assert.equal(unsigned.status, 401);

    const { rows } = await a.h.ctx.db.query<{ reason: string }>(
      "SELECT details->>'reason' AS reason FROM audit_log WHERE action = 'federation.request_refused'",
    );
    const reasons = rows.map((r) => r.reason).sort();
    for (const reason of ['digest_mismatch', 'expired', 'invalid', 'missing', 'replayed', 'unknown_key'])
      assert.ok(reasons.includes(reason), `refusal '${reason}' audited (${reasons.join(', ')})`);
  });

  it('a revocation on one side ends the agreement on both at once', async () => {
    const revoked = await adminA.post(`/api/admin/federation/peers/${peerOfBAtA}/revoke`);
    assert.equal(revoked.statusCode, 200, revoked.body);
    assert.equal((revoked.json() as { partnerInformed: boolean }).partnerInformed, true);
    const atB = (
      (await adminB.get('/api/admin/federation')).json() as {
        peers: { id: string; status: string; revokedBy: string }[];
      }
    ).peers[0];
    assert.deepEqual([atB?.status, atB?.revokedBy], ['revoked', 'them']);
    const ping = `${a.url}/federation/v1/ping`;
    const signed = await signRequest(keyOfB, 'POST', ping, {});
    assert.equal((await post(ping, signed.headers, signed.body)).status, 401, 'A refuses B after revoking');
  });

  it('refuses invitations that are not ours, and peers over plain HTTP beyond this machine', async () => {
    const bad = await adminB.post('/api/admin/federation/peers', { invitation: 'hola', fingerprintConfirmed: true });
    assert.deepEqual([bad.statusCode, (bad.json() as { field: string }).field], [400, 'invitation']);
    const stranger = freshIdentity();
    const forged = `acompana-peer-v1:${Buffer.from(
      JSON.stringify({
        name: 'x',
        url: 'http://acompana.example.org',
        publicKey: stranger.publicKey,
        fingerprint: stranger.fingerprint,
        token: 'a'.repeat(43),
        purposes: ['search'],
        validUntil: null,
      }),
    ).toString('base64url')}`;
    const plain = await adminB.post('/api/admin/federation/peers', { invitation: forged, fingerprintConfirmed: true });
    assert.equal((plain.json() as { code: string }).code, 'federation.not_https');
  });
});
