// A real Acompaña server for the browser journeys: the full app on a fresh embedded database,
// serving the built web app, listening on 127.0.0.1 on a free port.
import type { AddressInfo } from 'node:net';
import { startHarness, TEST_PASSWORD, type TestHarness } from '../../apps/server/src/testing/test-harness.ts';
import { totpCode } from '../../apps/server/src/auth/totp.ts';
import { webDist } from './browser-kit.ts';

export { TEST_PASSWORD };

export interface StaffServer {
  baseUrl: string;
  harness: TestHarness;
  /** The code the server expects now (its clock is the harness clock, not the wall clock). */
  totpNow(secret: string): string;
  close(): Promise<void>;
}

export async function startStaffServer(): Promise<StaffServer> {
  const harness = await startHarness('pglite', { webDistDir: webDist });
  await harness.app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = harness.app.server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    harness,
    totpNow(secret) {
      // A code is accepted once: move to a fresh 30-second step before each use.
      harness.clock.advanceMinutes(1);
      return totpCode(secret, harness.clock.now);
    },
    close: () => harness.close(),
  };
}

/** Gives an account a role in a second organisation (the harness has no helper for it yet). */
export async function addMembership(
  server: StaffServer,
  accountId: string,
  orgSlug: string,
  role: string,
): Promise<void> {
  const orgId = await server.harness.createOrg(orgSlug);
  await server.harness.ctx.db.query('INSERT INTO memberships (account_id, org_id, role) VALUES ($1, $2, $3)', [
    accountId,
    orgId,
    role,
  ]);
}

/** Puts an account back to "two-factor required but not set up", as a new staff account is. */
export async function clearTotp(server: StaffServer, accountId: string): Promise<void> {
  await server.harness.ctx.db.query('UPDATE accounts SET totp_secret = NULL, totp_enrolled_at = NULL WHERE id = $1', [
    accountId,
  ]);
}
