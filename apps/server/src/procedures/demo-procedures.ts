// Synthetic demo procedures for the legal clinic's lawyer, with trigger dates relative to today
// so that the agenda shows something overdue, something due this week and something later.
import type { Actor } from '@acompana/core';
import type { AppContext } from '../app-context.ts';
import { createProceduresService } from './procedures.service.ts';

const demoSteps: { type: string; step: string; daysAgo: number }[] = [
  { type: 'mx.comar.refugee_status', step: 'application', daysAgo: 38 },
  { type: 'mx.comar.refugee_status', step: 'application', daysAgo: 12 },
  { type: 'mx.revision', step: 'filing', daysAgo: 15 },
  { type: 'mx.amparo', step: 'filing', daysAgo: 4 },
  { type: 'us.asylum.defensive', step: 'bia_appeal', daysAgo: 24 },
  { type: 'mx.inm.tvrh', step: 'decision', daysAgo: 10 },
];

function isoDaysAgo(now: Date, days: number): string {
  return new Date(now.getTime() - days * 86_400_000).toISOString().slice(0, 10);
}

export async function seedDemoProcedures(
  ctx: AppContext,
  lawyerEmail = 'abogada@fronteranorte.example',
): Promise<number> {
  const { rows } = await ctx.db.query<{ account_id: string; org_id: string; team_id: string | null }>(
    `SELECT a.id::text AS account_id, m.org_id::text AS org_id, min(tm.team_id::text) AS team_id
       FROM accounts a JOIN memberships m ON m.account_id = a.id LEFT JOIN team_members tm ON tm.account_id = a.id
      WHERE a.email = $1 AND m.role = 'lawyer' GROUP BY a.id, m.org_id`,
    [lawyerEmail],
  );
  const lawyer = rows[0];
  if (!lawyer) return 0;
  const people = await ctx.db.query<{ id: string }>(
    'SELECT id::text AS id FROM people WHERE org_id = $1 AND deleted_at IS NULL ORDER BY created_at, id LIMIT $2',
    [lawyer.org_id, demoSteps.length],
  );
  const actor: Actor = {
    accountId: lawyer.account_id,
    orgId: lawyer.org_id,
    role: 'lawyer',
    teamIds: lawyer.team_id ? [lawyer.team_id] : [],
    sharing: [],
  };
  const procedures = createProceduresService({ db: ctx.db, audit: ctx.audit, clock: ctx.clock });
  let created = 0;
  for (const [i, person] of people.rows.entries()) {
    const demo = demoSteps[i];
    if (!demo) break;
    const opened = await procedures.create(actor, { personId: person.id, type: demo.type });
    await procedures.setTrigger(actor, opened.id, demo.step, { trigger: isoDaysAgo(ctx.clock(), demo.daysAgo) });
    created++;
  }
  return created;
}
