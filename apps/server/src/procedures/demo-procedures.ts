// Synthetic demo procedures for the lawyers of the demo (the Tijuana clinic's and the Tapachula
// shelter's), with trigger dates relative to today, so that each agenda shows procedures on time,
// at risk and overdue (journey 2): the COMAR's 30 working days from the entry date turn "at
// risk" in the last quarter of the period and overdue after it.
import type { Actor } from '@acompana/core';
import type { AppContext } from '../app-context.ts';
import { createProceduresService } from './procedures.service.ts';

interface DemoStep {
  type: string;
  step: string;
  daysAgo: number;
}

const clinicSteps: DemoStep[] = [
  { type: 'mx.comar.refugee_status', step: 'application', daysAgo: 38 },
  { type: 'mx.comar.refugee_status', step: 'application', daysAgo: 12 },
  { type: 'mx.revision', step: 'filing', daysAgo: 15 },
  { type: 'mx.amparo', step: 'filing', daysAgo: 4 },
  { type: 'us.asylum.defensive', step: 'bia_appeal', daysAgo: 24 },
  { type: 'mx.inm.tvrh', step: 'decision', daysAgo: 10 },
];

/** The shelter's COMAR applications: two on time, two at risk, one overdue (and an amparo). */
const shelterSteps: DemoStep[] = [
  { type: 'mx.comar.refugee_status', step: 'application', daysAgo: 3 },
  { type: 'mx.comar.refugee_status', step: 'application', daysAgo: 17 },
  { type: 'mx.comar.refugee_status', step: 'application', daysAgo: 34 },
  { type: 'mx.comar.refugee_status', step: 'application', daysAgo: 39 },
  { type: 'mx.comar.refugee_status', step: 'application', daysAgo: 55 },
  { type: 'mx.amparo', step: 'filing', daysAgo: 9 },
];

export const demoLawyers: { email: string; steps: DemoStep[] }[] = [
  { email: 'abogada@fronteranorte.example', steps: clinicSteps },
  { email: 'abogada@soconusco.example', steps: shelterSteps },
];

function isoDaysAgo(now: Date, days: number): string {
  return new Date(now.getTime() - days * 86_400_000).toISOString().slice(0, 10);
}

/** Procedures for one lawyer (by default every demo lawyer); returns how many were opened. */
export async function seedDemoProcedures(ctx: AppContext, lawyerEmail?: string): Promise<number> {
  let created = 0;
  for (const lawyer of demoLawyers)
    if (!lawyerEmail || lawyer.email === lawyerEmail) created += await seedFor(ctx, lawyer.email, lawyer.steps);
  return created;
}

async function seedFor(ctx: AppContext, lawyerEmail: string, steps: DemoStep[]): Promise<number> {
  const { rows } = await ctx.db.query<{ account_id: string; org_id: string; team_ids: string[] | null }>(
    `SELECT a.id::text AS account_id, m.org_id::text AS org_id, array_remove(array_agg(tm.team_id::text), NULL) AS team_ids
       FROM accounts a JOIN memberships m ON m.account_id = a.id LEFT JOIN team_members tm ON tm.account_id = a.id
      WHERE a.email = $1 AND m.role = 'lawyer' GROUP BY a.id, m.org_id`,
    [lawyerEmail],
  );
  const lawyer = rows[0];
  if (!lawyer) return 0;
  const teamIds = lawyer.team_ids ?? [];
  // Her team's people first (their cases are hers to read too), adults, oldest records first.
  const people = await ctx.db.query<{ id: string }>(
    `SELECT id::text AS id FROM people WHERE org_id = $1 AND deleted_at IS NULL
      ORDER BY (team_id = ANY($2::uuid[])) IS NOT TRUE, (birth_year IS NULL OR birth_year > $3) , created_at, id LIMIT $4`,
    [lawyer.org_id, teamIds, ctx.clock().getUTCFullYear() - 18, steps.length],
  );
  const actor: Actor = { accountId: lawyer.account_id, orgId: lawyer.org_id, role: 'lawyer', teamIds, sharing: [] };
  const procedures = createProceduresService({ db: ctx.db, audit: ctx.audit, clock: ctx.clock });
  let created = 0;
  for (const [i, person] of people.rows.entries()) {
    const demo = steps[i];
    if (!demo) break;
    const opened = await procedures.create(actor, { personId: person.id, type: demo.type });
    await procedures.setTrigger(actor, opened.id, demo.step, { trigger: isoDaysAgo(ctx.clock(), demo.daysAgo) });
    created++;
  }
  return created;
}
