// Deadline reminders through the job queue, on both databases, with a real SMTP server started by
// the test: one in-app notification and one e-mail per step, due date and window however often
// the job runs; the e-mail names nobody. Then the notifications API behind the staff app's bell.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { databaseKinds } from '../testing/on-both-databases.ts';
import { startHarness, TEST_PASSWORD, type ApiClient, type TestHarness } from '../testing/test-harness.ts';
import { createServerJobs } from '../jobs/server-jobs.ts';
import { reminderWindow } from './reminders.service.ts';
import { startTestMailbox, type TestMailbox } from '../testing/test-mailbox.ts';

interface NotificationItem {
  id: string;
  kind: string;
  recordType: string;
  readAt: string | null;
  link: string | null;
  about?: { person: string | null } | null;
  deadline: { stepKey: string; dueDate: string; window: string; stepTitle: { es: string } } | null;
}
interface NotificationPage {
  items: NotificationItem[];
  unread: number;
  nextCursor: string | null;
}

it('picks the tightest calendar-day window', () => {
  assert.equal(reminderWindow('2025-04-16', '2025-04-24'), null);
  assert.equal(reminderWindow('2025-04-16', '2025-04-23'), 'd7');
  assert.equal(reminderWindow('2025-04-16', '2025-04-19'), 'd3');
  assert.equal(reminderWindow('2025-04-16', '2025-04-17'), 'd1');
  assert.equal(reminderWindow('2025-04-16', '2025-04-16'), 'd1');
  assert.equal(reminderWindow('2025-04-16', '2025-04-15'), 'overdue');
});

for (const kind of databaseKinds) {
  describe(`deadline reminders and notifications [${kind}]`, () => {
    let h: TestHarness;
    let smtp: TestMailbox;
    let jobs: ReturnType<typeof createServerJobs>;
    let lawyer: ApiClient;
    let colleague: ApiClient;
    let personId: string;
    let procedureId: string;
    const lawyerEmail = 'abogada@recordatorios.example';

    before(async () => {
      smtp = await startTestMailbox();
      h = await startHarness(kind, {
        envOverrides: {
          ACOMPANA_SMTP_URL: smtp.url,
          ACOMPANA_PUBLIC_URL: 'https://acompana.example.org',
        },
      });
      // Wednesday 16 April 2025, 9:00 in Mexico City.
      h.clock.now = new Date('2025-04-16T15:00:00Z');
      const orgId = await h.createOrg('recordatorios');
      for (const [email, role] of [
        [lawyerEmail, 'lawyer'],
        ['colega@recordatorios.example', 'lawyer'],
        ['cw@recordatorios.example', 'caseworker'],
      ] as const) {
        await h.ctx.accounts.createAccount({
          orgId,
          email,
          password: TEST_PASSWORD,
          role,
          totpExempt: true,
          teams: ['Asilo'],
        });
      }
      const caseworker = await h.login('cw@recordatorios.example');
      const person = await caseworker.post('/api/people', {
        givenNames: 'Dania',
        surnames: 'Maradiaga',
        sex: 'F',
        nationality: 'HN',
      });
      personId = (person.json() as { id: string }).id;
      lawyer = await h.login(lawyerEmail);
      colleague = await h.login('colega@recordatorios.example');
      const opened = await lawyer.post('/api/procedures', { personId, type: 'mx.comar.refugee_status' });
      procedureId = (opened.json() as { id: string }).id;
      // Due 22 April (6 days: the 7-day window), an interview tomorrow (1 day), a step already past.
      for (const [step, trigger] of [
        ['application', '2025-03-10'],
        ['interview', '2025-04-17'],
        ['late_application', '2025-04-10'],
      ]) {
        const set = await lawyer.put(`/api/procedures/${procedureId}/steps/${step}`, { trigger });
        assert.equal(set.statusCode, 200, set.body);
      }
      jobs = createServerJobs(h.ctx);
    });

    after(async () => {
      jobs?.close();
      await h?.close();
      await smtp.close();
    });

    it('creates one reminder per step and window, with an e-mail that names nobody, however often the job runs', async () => {
      await jobs.queue.ensureRecurring({ now: true });
      const report = await jobs.queue.runDueJobs();
      assert.equal(report.failed + report.retried, 0, JSON.stringify(report));
      assert.equal((await jobs.reminders.scan()).created, 0, 'a second run creates nothing');
      await jobs.queue.ensureRecurring({ now: true });
      await jobs.queue.runDueJobs();
      const { rows } = await h.ctx.db.query<{ step_key: string; reminder_window: string }>(
        'SELECT step_key, reminder_window FROM deadline_reminders ORDER BY step_key',
      );
      assert.deepEqual(
        rows.map((r) => [r.step_key, r.reminder_window]),
        [
          ['application', 'd7'],
          ['interview', 'd1'],
          ['late_application', 'overdue'],
        ],
      );
      const notified = await h.ctx.db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM notifications WHERE kind LIKE 'procedure.deadline_%'",
      );
      assert.equal(notified.rows[0]?.n, 3);

      assert.equal(smtp.mails.length, 3, 'three e-mails reached the SMTP server');
      for (const mail of smtp.mails) {
        assert.deepEqual(mail.to, [lawyerEmail]);
        assert.doesNotMatch(mail.body, /Dania|Maradiaga/i);
        assert.ok(
          !mail.body.includes(personId) && !mail.body.includes(procedureId),
          'no identifier of the person or the case',
        );
        assert.match(mail.body, /https:\/\/acompana\.example\.org\/app\/procedures/);
      }
      const bodies = smtp.mails.map((m) => m.body).join('\n');
      assert.match(bodies, /Un plazo vence en 6 días: abre Acompaña/);
      assert.match(bodies, /Un plazo vence mañana/);
      assert.match(bodies, /Un plazo ya venció/);
    });

    it('reminds again when a step enters a tighter window, and not for a step that is done', async () => {
      await lawyer.post(`/api/procedures/${procedureId}/steps/late_application/complete`, {
        completedOn: '2025-04-16',
      });
      h.clock.now = new Date('2025-04-19T15:00:00Z');
      // Three days later the sessions have expired.
      lawyer = await h.login(lawyerEmail);
      colleague = await h.login('colega@recordatorios.example');
      assert.equal((await jobs.reminders.scan()).created, 2);
      await jobs.queue.runDueJobs();
      const { rows } = await h.ctx.db.query<{ step_key: string; reminder_window: string }>(
        "SELECT step_key, reminder_window FROM deadline_reminders WHERE reminder_window IN ('d3', 'overdue') ORDER BY step_key",
      );
      assert.deepEqual(
        rows.map((r) => [r.step_key, r.reminder_window]),
        [
          ['application', 'd3'],
          ['interview', 'overdue'],
          ['late_application', 'overdue'],
        ],
      );
      assert.equal(smtp.mails.length, 5);
    });

    it('lists my notifications unread first, with a link to the person, page by page', async () => {
      const first = (await lawyer.get('/api/notifications?limit=2')).json() as NotificationPage;
      assert.equal(first.unread, 5);
      assert.equal(first.items.length, 2);
      assert.ok(first.nextCursor);
      const seen = [...first.items];
      let cursor: string | null = first.nextCursor;
      while (cursor) {
        const page = (
          await lawyer.get(`/api/notifications?limit=2&cursor=${encodeURIComponent(cursor)}`)
        ).json() as NotificationPage;
        seen.push(...page.items);
        cursor = page.nextCursor;
      }
      assert.equal(new Set(seen.map((i) => i.id)).size, 5);
      for (const item of seen) {
        // The person's procedures tab, and whose deadline it is (the lawyer may read her record).
        assert.equal(item.link, `/people/${personId}?tab=procedures`);
        assert.equal(item.about?.person, 'Dania Maradiaga');
        assert.equal(item.recordType, 'procedure');
        assert.ok(item.deadline?.stepTitle.es);
      }
      assert.equal(
        ((await colleague.get('/api/notifications')).json() as NotificationPage).items.length,
        0,
        'a colleague sees none of mine',
      );
    });

    it("marks one read (never another account's), then all", async () => {
      const { items } = (await lawyer.get('/api/notifications')).json() as NotificationPage;
      const target = items[0] as NotificationItem;
      assert.equal((await colleague.post(`/api/notifications/${target.id}/read`)).statusCode, 404);
      assert.equal(
        ((await lawyer.get('/api/notifications')).json() as NotificationPage).unread,
        5,
        'unchanged by the colleague',
      );
      const read = await lawyer.post(`/api/notifications/${target.id}/read`);
      assert.equal(read.statusCode, 200, read.body);
      assert.deepEqual(read.json(), { unread: 4 });
      const after = (await lawyer.get('/api/notifications')).json() as NotificationPage;
      assert.equal(after.items.at(-1)?.id, target.id, 'read ones come after unread ones');
      assert.ok(after.items.at(-1)?.readAt);
      const all = await lawyer.post('/api/notifications/read-all');
      assert.deepEqual(all.json(), { updated: 4, unread: 0 });
      assert.equal((await h.app.inject({ method: 'POST', url: '/api/notifications/read-all' })).statusCode, 401);
    });

    it('links other kinds to their record and keeps the missing-person notifications working', async () => {
      // A child-protection alert raised by a screening (as screening.service writes it).
      await h.ctx.db.query(
        `INSERT INTO notifications (account_id, org_id, kind, record_type, record_id)
         SELECT a.id, m.org_id, 'screening.child_protection', 'person', $2 FROM accounts a JOIN memberships m ON m.account_id = a.id WHERE a.email = $1`,
        [lawyerEmail, personId],
      );
      const page = (await lawyer.get('/api/notifications')).json() as NotificationPage;
      assert.equal(page.unread, 1);
      assert.equal(page.items[0]?.kind, 'screening.child_protection');
      assert.equal(page.items[0]?.link, `/people/${personId}`);
      assert.equal((await lawyer.get('/api/missing/notifications')).statusCode, 200);
    });
  });
}
