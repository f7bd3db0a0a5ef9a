// Continuous matching (issue 6, item 5) on the job queue (decision 0116): new records are matched
// against every open report that may search them, in the background, never inline in the module
// that registered them.
//   missing.match_person  a person was registered, renamed or consented to sharing: find the open
//                         reports (own organisation, and organisations the person's organisation
//                         shares with for search, if the person consents) whose blind indexes
//                         share a name key with the person, and enqueue each report.
//   missing.match_report  re-run one report as its case owner could (own people, partners' shared
//                         people, found records, other reports); new candidates notify the owner.
//   missing.sweep         daily safety net: every open report is enqueued (a sharing agreement
//                         signed or revoked, a job lost, a model change).
// Every job has a unique key, so a burst of registrations enqueues one run per report.
import type { Actor } from '@acompana/core';
import type { Database } from '../kernel/db/database.ts';
import type { Keyring } from '../kernel/crypto/keyring.ts';
import type { AuditWriter } from '../audit/audit-log.ts';
import type { JobDefinition } from '../jobs/job-queue.ts';
import { enqueueReportMatching, MATCH_PERSON_JOB, MATCH_REPORT_JOB, MATCH_SWEEP_JOB } from './match-enqueue.ts';
import { listSharingTowards } from '../orgs/orgs.queries.ts';
import { NAME_CONTEXT, recordNameKeys } from '../people/person-search.ts';
import { createMatchingService } from './matching.service.ts';
import * as jq from './matching-jobs.queries.ts';
import * as q from './missing.queries.ts';

const REPORTS_PER_PERSON = 200;

export interface MatchingJobDeps {
  db: Database;
  keyring: Keyring;
  audit: AuditWriter;
  clock: () => Date;
}

export function createMatchingJobs(deps: MatchingJobDeps) {
  const { db, keyring, audit, clock } = deps;
  const matching = createMatchingService(deps);

  async function decryptNames(row: jq.PersonNamesRow) {
    const text = async (column: string, blob: unknown) =>
      blob === null || blob === undefined ? undefined : keyring.decrypt(row.org_id, `people.${column}`, blob);
    const aliases = await text('aliases', row.aliases);
    return {
      givenNames: await text('given_names', row.given_names),
      surnames: await text('surnames', row.surnames),
      aliases: aliases ? (JSON.parse(aliases) as string[]) : undefined,
    };
  }

  /** The open reports a person may concern; each is enqueued. Returns how many were enqueued. */
  async function matchPerson(personId: string): Promise<number> {
    const person = await jq.findPersonNames(db, personId);
    if (!person) return 0;
    const keys = recordNameKeys(await decryptNames(person)).name;
    if (keys.length === 0) return 0;
    // Partners see a person only under an agreement *and* with the person's consent to sharing.
    const orgs = [person.org_id, ...(person.shared_for_search ? await jq.searchRecipientsOf(db, person.org_id) : [])];
    let enqueued = 0;
    for (const orgId of orgs) {
      const reports = await q.openReportsByNames(
        db,
        orgId,
        await keyring.blindIndex(orgId, NAME_CONTEXT, keys),
        REPORTS_PER_PERSON,
      );
      for (const report of reports) if (await enqueueReportMatching(db, clock(), { id: report.id, orgId })) enqueued++;
    }
    return enqueued;
  }

  /** The case owner as an actor: the job searches exactly what the owner may search now. */
  async function ownerActor(report: q.ReportRow): Promise<Actor | null> {
    if (!report.owner_account_id) return null;
    const standing = await jq.ownerStanding(db, report.owner_account_id, report.org_id);
    if (!standing) return null;
    const sharing = await listSharingTowards(db, report.org_id);
    return {
      accountId: report.owner_account_id,
      orgId: report.org_id,
      role: standing.role,
      teamIds: standing.teams,
      sharing: sharing.map((s) => ({ fromOrgId: s.from_org_id, purposes: s.purposes })),
    };
  }

  async function matchReport(reportId: string): Promise<void> {
    const report = await q.findReport(db, reportId);
    if (!report || report.status !== 'open') return;
    const actor = await ownerActor(report);
    if (!actor) {
      await audit.record({
        action: 'missing_report.match_skipped',
        recordType: 'missing_report',
        recordId: report.id,
        orgId: report.org_id,
        details: { reason: 'no_case_owner', trigger: 'job' },
      });
      return;
    }
    await matching.matchReport(actor, report, null, { trigger: 'job' });
  }

  async function sweep(): Promise<number> {
    let after: string | null = null;
    let enqueued = 0;
    for (;;) {
      const batch = await jq.openReportIds(db, after, 500);
      if (batch.length === 0) return enqueued;
      for (const r of batch) if (await enqueueReportMatching(db, clock(), { id: r.id, orgId: r.org_id })) enqueued++;
      after = batch[batch.length - 1]?.id ?? null;
    }
  }

  const str = (payload: Record<string, unknown>, key: string): string => {
    const v = payload[key];
    if (typeof v !== 'string') throw new Error(`payload.${key} missing`);
    return v;
  };

  const definitions: JobDefinition[] = [
    {
      kind: MATCH_PERSON_JOB,
      maxAttempts: 5,
      run: async (payload) => void (await matchPerson(str(payload, 'personId'))),
    },
    { kind: MATCH_REPORT_JOB, maxAttempts: 5, run: (payload) => matchReport(str(payload, 'reportId')) },
    { kind: MATCH_SWEEP_JOB, everyMinutes: 24 * 60, run: async () => void (await sweep()) },
  ];

  return { definitions, matchPerson, matchReport, sweep };
}
