// Key rotation must cover every encrypted column even when only the runtime is opened (the CLI
// never builds the HTTP app): a fresh process that imports bootstrap.ts alone must see them.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../../../', import.meta.url));

describe('encrypted columns registered for rotation', () => {
  it('include the columns of every module when only the runtime is loaded', () => {
    const script = `
      await import('./apps/server/src/bootstrap.ts');
      const { encryptedColumns } = await import('./apps/server/src/kernel/crypto/key-rotation.ts');
      console.log(JSON.stringify(encryptedColumns().map((c) => c.table + '.' + c.column)));`;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: root,
      encoding: 'utf8',
    });
    assert.equal(run.status, 0, run.stderr);
    const columns = JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '[]') as string[];
    for (const column of [
      'people.given_names',
      'people.surnames',
      'people.documents',
      'people.notes',
      'screenings.answers',
      'match_candidates.note',
      'incident_events.narrative',
      'referrals.snapshot',
      'case_notes.body',
      'case_tasks.description',
      'case_attachments.original_name',
      'case_attachments.content',
      'case_events.reason',
    ])
      assert.ok(columns.includes(column), `${column} missing from ${columns.join(', ')}`);
    // Households, the differentiated profile and the person's photo (decision 0115).
    for (const column of ['households.label', 'households.notes', 'people.profile', 'person_photos.content'])
      assert.ok(columns.includes(column), `${column} missing`);
    // Return and reintegration, consular help, separated families (decision 0120).
    for (const column of [
      'reintegration_receptions.family_left_behind',
      'reintegration_receptions.documents_retained',
      'reintegration_assessments.needs',
      'reintegration_follow_ups.note',
      'consular_requests.details',
      'consular_requests.outcome_note',
      'families.label',
      'family_members.name',
      'family_members.location',
      'family_members.guardian',
      'family_tracing_requests.note',
      'family_plan_steps.title',
    ])
      assert.ok(columns.includes(column), `${column} missing`);
    // Protection measures for defenders (decision 0119).
    for (const column of ['incident_protection_measures.details', 'incident_protection_history.note'])
      assert.ok(columns.includes(column), `${column} missing`);
    // Tracing requests and the family's consent to trace (decision 0121).
    for (const column of [
      'tracing_requests.query',
      'tracing_requests.reply',
      'tracing_candidates.shared_details',
      'missing_reports.trace_consent',
      'missing_photos.content',
    ])
      assert.ok(columns.includes(column), `${column} missing`);
    // Stored statistics reports (decision 0122).
    assert.ok(columns.includes('report_files.content'), 'report_files.content missing');
  });
});
