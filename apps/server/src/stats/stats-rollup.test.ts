// Dashboard rollups (decision 0122) on both databases: a large organisation's tables read from the
// pre-aggregated rows give the same figures as counting live (breakdowns, periods, teams,
// filters, blind-indexed profiles), say "as of" when, and only change at the next refresh; an
// organisation under the size limit is counted live.
import { before, it } from 'node:test';
import assert from 'node:assert/strict';
import { findIndicator } from '@acompana/core';
import { describeOnBothDatabases } from '../testing/on-both-databases.ts';
import { createStatsService, type StatsRequest } from './stats.service.ts';
import { refreshRollup } from './stats-rollup.ts';

describeOnBothDatabases('statistics rollups', (h) => {
  let orgId = '';
  let team = '';
  const stats = () =>
    createStatsService({
      db: h().ctx.db,
      keyring: h().ctx.keyring,
      audit: h().ctx.audit,
      clock: () => new Date('2025-12-01T12:00:00Z'),
      minCell: 5,
    });
  const refresh = (indicator: string, minUnits: number) =>
    refreshRollup(h().ctx.db, h().ctx.keyring, orgId, findIndicator(indicator)!, { today: '2025-12-01', minUnits });
  const cells = async (indicator: string, request: StatsRequest) => {
    const t = await stats().tableOf(orgId, indicator, request, 'en');
    return { asOf: t.asOf ?? null, cells: t.cells.map((c) => [c.keys.join('|'), c.count]) };
  };

  before(async () => {
    orgId = await h().createOrg('rollup-org');
    team = (
      await h().ctx.db.query<{ id: string }>(
        `INSERT INTO teams (org_id, name) VALUES ($1, 'Sur') RETURNING id::text AS id`,
        [orgId],
      )
    ).rows[0]!.id;
    const [wom] = await h().ctx.keyring.blindIndex(orgId, 'people.profile_indicator', ['woman']);
    for (let i = 0; i < 30; i++) {
      await h().ctx.db.query(
        `INSERT INTO missing_reports (org_id, status, nationality, sex, team_id, created_at) VALUES ($1, $2, $3, $4, $5, $6)`,
        [
          orgId,
          ['open', 'closed', 'located_alive'][i % 3],
          ['HN', 'GT'][i % 2],
          'M',
          i % 4 === 0 ? team : null,
          `2025-${String(8 + (i % 4)).padStart(2, '0')}-10T12:00:00Z`,
        ],
      );
      await h().ctx.db.query(
        `INSERT INTO people (org_id, sex, nationality, birth_year, profile_bi, team_id, created_at) VALUES ($1, $2, 'HN', $3, $4, $5, '2025-10-05T12:00:00Z')`,
        [orgId, i % 2 ? 'F' : 'M', 1990 + (i % 25), i % 3 ? [] : [wom], i % 4 === 0 ? team : null],
      );
    }
  });

  it('gives the same figures from the rollup as counting live, and says as of when', async () => {
    const requests: [string, StatsRequest][] = [
      ['missing.reports', { by: 'status' }],
      ['missing.reports', { by: 'month,status', from: '2025-09', to: '2025-10' }],
      ['missing.reports', { by: 'nationality', team }],
      ['missing.reports', { by: 'status', filter: 'nationality:GT' }],
      ['people.profile', { by: 'profile,sex' }],
      ['people.registered', { by: 'nationality,age' }],
    ];
    const live = [];
    for (const [indicator, request] of requests) live.push(await cells(indicator, request));
    assert.ok(live.every((t) => t.asOf === null));
    for (const indicator of new Set(requests.map((r) => r[0]))) assert.ok((await refresh(indicator, 10)) >= 10);
    for (const [i, [indicator, request]] of requests.entries()) {
      const rolled = await cells(indicator, request);
      assert.ok(rolled.asOf, `${indicator} ${JSON.stringify(request)} read from the rollup`);
      assert.deepEqual(rolled.cells, live[i]!.cells, `${indicator} ${JSON.stringify(request)}`);
    }
  });

  it('changes at the next refresh, and counts live an organisation under the size limit', async () => {
    await refresh('missing.reports', 10);
    const before = await cells('missing.reports', { by: 'status' });
    await h().ctx.db.query(
      `INSERT INTO missing_reports (org_id, status, nationality, sex, created_at) VALUES ($1, 'open', 'HN', 'F', '2025-11-10T12:00:00Z')`,
      [orgId],
    );
    assert.deepEqual(
      (await cells('missing.reports', { by: 'status' })).cells,
      before.cells,
      'the rollup holds until the job runs',
    );
    await refresh('missing.reports', 10);
    assert.equal((await cells('missing.reports', { by: 'status' })).cells.at(-1)?.[1], 31);
    await refresh('missing.reports', 1000);
    const live = await cells('missing.reports', { by: 'status' });
    assert.equal(live.asOf, null);
    const { rows } = await h().ctx.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM stats_rollups WHERE org_id = $1 AND indicator = $2',
      [orgId, 'missing.reports'],
    );
    assert.equal(rows[0]?.n, 0);
  });
});
