// Statistics reports (issue 10, items 5 and 6) on both databases: the PDF of a period read back
// (organisation name, sections, figures, page count); the monthly schedule turned by the job into
// ONE stored, encrypted PDF per period with a notification for the analyst; an e-mail job when
// SMTP is configured; and who may do what.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnBothDatabases } from '../testing/on-both-databases.ts';
import { TEST_PASSWORD, type ApiClient } from '../testing/test-harness.ts';
import { pdfPageCount, pdfText } from '../incidents/pdf-text.ts';
import { createStatsService } from '../stats/stats.service.ts';
import { createReportsService, previousMonth } from './reports.service.ts';

describe('previousMonth', () => {
  it('is the month that just ended in the organisation’s time zone', () => {
    assert.equal(
      previousMonth(new Date('2025-11-01T03:00:00Z'), 'America/Mexico_City'),
      '2025-09',
      'still 31 October in Mexico City',
    );
    assert.equal(previousMonth(new Date('2025-11-01T07:00:00Z'), 'America/Mexico_City'), '2025-10');
    assert.equal(previousMonth(new Date('2026-01-05T12:00:00Z'), 'America/Guatemala'), '2025-12');
  });
});

describeOnBothDatabases('statistics reports', (h) => {
  let admin: ApiClient;
  let analyst: ApiClient;
  let caseworker: ApiClient;
  let orgId = '';

  async function acts(state: string, type: string, n: number, day: string): Promise<void> {
    const { rows } = await h().ctx.db.query<{ id: string }>(
      `INSERT INTO incident_events (org_id, title, start_date, start_precision, country, state_code) VALUES ($1, '\\x00'::bytea, $2, 'day', 'MX', $3) RETURNING id::text AS id`,
      [orgId, day, state],
    );
    for (let i = 0; i < n; i++)
      await h().ctx.db.query(
        `INSERT INTO incident_acts (event_id, org_id, act_type, vocabulary_version, act_date) VALUES ($1, $2, $3, 1, $4)`,
        [rows[0]!.id, orgId, type, day],
      );
  }

  before(async () => {
    orgId = await h().createOrg('albergue-norte');
    await h().ctx.db.query(`UPDATE organisations SET name = 'Albergue del Norte' WHERE id = $1`, [orgId]);
    for (const [email, role] of [
      ['admin@r.example', 'admin'],
      ['analyst@r.example', 'analyst'],
      ['cw@r.example', 'caseworker'],
    ] as const) {
      await h().ctx.accounts.createAccount({ orgId, email, password: TEST_PASSWORD, role, totpExempt: true });
    }
    admin = await h().login('admin@r.example');
    analyst = await h().login('analyst@r.example');
    caseworker = await h().login('cw@r.example');
    await acts('07', 'extortion', 9, '2025-10-04');
    await acts('30', 'robbery', 3, '2025-10-12');
    await acts('07', 'extortion', 2, '2025-09-20');
  });

  it('gives an analyst the PDF of a period with the organisation as masthead, charts, map and tables', async () => {
    const r = await analyst.get('/api/reports/statistics.pdf?from=2025-09&to=2025-10&lang=es');
    assert.equal(r.statusCode, 200, r.body);
    assert.equal(r.headers['content-type'], 'application/pdf');
    const pdf = r.rawPayload;
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    const text = pdfText(pdf);
    for (const expected of [
      'Albergue del Norte',
      'Informe de estadísticas',
      'Periodo: 2025-09 – 2025-10',
      'Actos por mes',
      'Actos por tipo',
      'Extorsión',
      'CHIS',
      'Personas registradas',
      'Casos por estado',
    ]) {
      assert.ok(text.includes(expected), `"${expected}" missing from the PDF text`);
    }
    assert.ok(/Total\s*\n?14/.test(text) || text.includes('14'), 'the total of acts');
    const pages = pdfPageCount(pdf);
    assert.ok(pages >= 2 && pages <= 4, `${pages} pages`);
    assert.ok(text.includes(`Página ${pages} de ${pages}`));
  });

  it('refuses the PDF to a caseworker, who may only read statistics', async () => {
    assert.equal((await caseworker.get('/api/reports/statistics.pdf?from=2025-10&to=2025-10')).statusCode, 403);
  });

  it('turns the monthly schedule into one stored PDF per month, with a notification, however often the job runs', async () => {
    assert.equal(
      (await analyst.put('/api/reports/schedule', { enabled: true, lang: 'en', email: true })).statusCode,
      403,
      'only administrators schedule',
    );
    const put = await admin.put('/api/reports/schedule', { enabled: true, lang: 'en', email: true });
    assert.equal(put.statusCode, 200, put.body);
    const sent: string[] = [];
    const enqueued: string[] = [];
    const stats = createStatsService({
      db: h().ctx.db,
      keyring: h().ctx.keyring,
      audit: h().ctx.audit,
      clock: () => h().clock.now,
      minCell: 5,
    });
    const reports = createReportsService({
      db: h().ctx.db,
      keyring: h().ctx.keyring,
      audit: h().ctx.audit,
      clock: () => h().clock.now,
      stats,
      mailer: { send: async (m) => void sent.push(m.to), close: () => undefined },
      enqueue: async (kind, payload, options) =>
        void enqueued.push(`${kind}:${String(payload.accountId)}:${options.uniqueKey}`),
    });
    h().clock.now = new Date('2025-11-01T12:00:00Z');
    assert.deepEqual(await reports.runMonthly(), { created: 1 });
    assert.deepEqual(await reports.runMonthly(), { created: 0 }, 'a second run creates nothing');
    h().clock.now = new Date('2025-11-20T12:00:00Z');
    assert.deepEqual(await reports.runMonthly(), { created: 0 }, 'nor does a later run in the same month');

    const files = (await analyst.get('/api/reports/files')).json() as {
      id: string;
      from: string;
      to: string;
      sha256: string;
    }[];
    assert.deepEqual(
      files.map((f) => [f.from, f.to]),
      [['2025-10', '2025-10']],
    );
    const stored = await h().ctx.db.query<{ content: Buffer }>('SELECT content FROM report_files WHERE id = $1', [
      files[0]!.id,
    ]);
    assert.notEqual(Buffer.from(stored.rows[0]!.content).subarray(0, 5).toString(), '%PDF-', 'stored encrypted');
    const file = await analyst.get(`/api/reports/files/${files[0]!.id}`);
    assert.equal(file.statusCode, 200);
    const text = pdfText(file.rawPayload);
    assert.ok(
      text.includes('Statistics report') && text.includes('Period: 2025-10') && text.includes('Albergue del Norte'),
    );

    // The admin and the analyst (who may export statistics) are notified; the caseworker is not.
    const notified = await h().ctx.db.query<{ email: string }>(
      `SELECT a.email FROM notifications n JOIN accounts a ON a.id = n.account_id WHERE n.kind = 'report.ready' AND n.record_id = $1 ORDER BY a.email`,
      [files[0]!.id],
    );
    assert.deepEqual(
      notified.rows.map((r) => r.email),
      ['admin@r.example', 'analyst@r.example'],
    );
    assert.equal(enqueued.length, 2);
    assert.ok(enqueued.every((e) => e.startsWith('reports.email:')));
    const analystId = (
      await h().ctx.db.query<{ id: string }>(`SELECT id::text AS id FROM accounts WHERE email = 'analyst@r.example'`)
    ).rows[0]!.id;
    await reports.sendMail({ accountId: analystId });
    assert.deepEqual(sent, ['analyst@r.example']);

    // Deleting the schedule (administrators only) stops the monthly reports; stored ones stay.
    assert.equal((await analyst.request({ method: 'DELETE', url: '/api/reports/schedule' })).statusCode, 403);
    assert.equal((await admin.request({ method: 'DELETE', url: '/api/reports/schedule' })).statusCode, 204);
    assert.equal((await admin.get('/api/reports/schedule')).json(), null);
    h().clock.now = new Date('2025-12-02T12:00:00Z');
    assert.deepEqual(await reports.runMonthly(), { created: 0 }, 'no schedule, no report');
    assert.equal(((await analyst.get('/api/reports/files')).json() as unknown[]).length, 1);
  });
});
