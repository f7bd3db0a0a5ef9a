// Test helpers of the releases tests: an incident recorded through the API, as staff do, and a
// month published for tests that read the network view.
import assert from 'node:assert/strict';
import type { ApiClient } from '../testing/test-harness.ts';
import type { Database } from '../kernel/db/database.ts';
import type { AuditWriter } from '../audit/audit-log.ts';
import { createReleasesService, type ReleaseDocument } from './releases.service.ts';

export async function recordIncident(
  doc: ApiClient,
  input: { date: string; state: string; acts: [string, string, number][]; confidentiality?: string },
): Promise<string> {
  const created = await doc.post('/api/incidents', {
    title: 'Evento de prueba',
    start: { date: input.date, precision: 'day' },
    place: { country: 'MX', stateCode: input.state },
    ...(input.confidentiality ? { confidentiality: input.confidentiality } : {}),
  });
  assert.equal(created.statusCode, 201, created.body);
  const id = (created.json() as { id: string }).id;
  const victims = (
    await doc.post(`/api/incidents/${id}/victims`, { count: 1, sex: 'F', ageGroup: '18-29' })
  ).json() as {
    victims: { id: string }[];
  };
  for (const [type, institution, n] of input.acts) {
    const p = (await doc.post(`/api/incidents/${id}/perpetrators`, { institution })).json() as {
      perpetrators: { id: string; institution: string }[];
    };
    const perpetratorId = p.perpetrators.find((x) => x.institution === institution)!.id;
    for (let i = 0; i < n; i++) {
      const r = await doc.post(`/api/incidents/${id}/acts`, {
        type,
        victimIds: [victims.victims[0]!.id],
        perpetratorIds: [perpetratorId],
      });
      assert.equal(r.statusCode, 201, r.body);
    }
  }
  return id;
}

/**
 * Publishes a month for a test from every organisation, as an administrator of the first
 * membership found, with a clock past the embargo (moving the test's own clock would end sessions).
 */
export async function publishMonth(
  ctx: { db: Database; audit: AuditWriter },
  tables: string[],
  month: string,
  title = `Red ${month}`,
): Promise<ReleaseDocument> {
  const { rows } = await ctx.db.query<{ id: string }>('SELECT id::text AS id FROM organisations');
  const member = (
    await ctx.db.query<{ account_id: string; org_id: string }>(
      `SELECT account_id::text AS account_id, org_id::text AS org_id FROM memberships ORDER BY account_id LIMIT 1`,
    )
  ).rows[0]!;
  const [y, m] = month.split('-').map(Number) as [number, number];
  const releases = createReleasesService({
    db: ctx.db,
    audit: ctx.audit,
    clock: () => new Date(Date.UTC(y, m, 20)),
    minCell: 5,
  });
  return releases.publish(
    { accountId: member.account_id, orgId: member.org_id, role: 'admin', teamIds: [], sharing: [] },
    { title, periodFrom: month, periodTo: month, tables, orgIds: rows.map((o) => o.id) },
  );
}
