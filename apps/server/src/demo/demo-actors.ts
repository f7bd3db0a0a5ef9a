// The demo seed acts as the demo staff themselves, through the services' own checks: the actor
// of a demo account in its home organisation, with its teams (no sharing: the seed only writes
// its own organisation's records).
import type { Actor } from '@acompana/core';
import type { AppContext } from '../app-context.ts';

export async function demoActor(ctx: AppContext, email: string): Promise<Actor | undefined> {
  const { rows } = await ctx.db.query<{ account_id: string; org_id: string; role: string; team_ids: string[] | null }>(
    `SELECT a.id::text AS account_id, m.org_id::text AS org_id, m.role,
        array_remove(array_agg(t.id::text ORDER BY t.name), NULL) AS team_ids
       FROM accounts a JOIN memberships m ON m.account_id = a.id AND m.org_id = a.home_org_id
       LEFT JOIN team_members tm ON tm.account_id = a.id
       LEFT JOIN teams t ON t.id = tm.team_id AND t.org_id = m.org_id
      WHERE a.email = $1 GROUP BY a.id, m.org_id, m.role`,
    [email],
  );
  const row = rows[0];
  if (!row) return undefined;
  return { accountId: row.account_id, orgId: row.org_id, role: row.role, teamIds: row.team_ids ?? [], sharing: [] };
}

/** A clock fixed at `days` days before the context's now (records dated in the past). */
export function daysAgo(ctx: AppContext, days: number): () => Date {
  const at = new Date(ctx.clock().getTime() - days * 86_400_000);
  return () => at;
}
