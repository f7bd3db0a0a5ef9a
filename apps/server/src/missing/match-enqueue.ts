// Asking for continuous matching (decision 0121): other modules call these after a write; they only
// put a job on the queue (one pending job per person or report), never match inline. Kept apart
// from the job handlers so that the people module imports nothing of the matching machinery.
import type { Queryable } from '../kernel/db/database.ts';
import { enqueueJob } from '../jobs/job-queue.ts';

export const MATCH_PERSON_JOB = 'missing.match_person';
export const MATCH_REPORT_JOB = 'missing.match_report';
export const MATCH_SWEEP_JOB = 'missing.sweep';

/** After a person is registered, renamed or consents to sharing: match the open reports against them. */
export async function enqueuePersonMatching(
  db: Queryable,
  now: Date,
  person: { id: string; orgId: string },
): Promise<void> {
  await enqueueJob(
    db,
    MATCH_PERSON_JOB,
    { personId: person.id },
    { now, orgId: person.orgId, uniqueKey: `${MATCH_PERSON_JOB}:${person.id}`, maxAttempts: 5 },
  );
}

/** Re-run one report; false when a run for it is already waiting. */
export async function enqueueReportMatching(
  db: Queryable,
  now: Date,
  report: { id: string; orgId: string },
): Promise<boolean> {
  const id = await enqueueJob(
    db,
    MATCH_REPORT_JOB,
    { reportId: report.id },
    { now, orgId: report.orgId, uniqueKey: `${MATCH_REPORT_JOB}:${report.id}`, maxAttempts: 5 },
  );
  return id !== null;
}
