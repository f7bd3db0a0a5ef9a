// The demo network's published bulletin (decision 0127): on a first start with the demo on, the
// shelter's coordinator publishes "Violencia contra personas en movilidad, <month>" for the last
// month past its embargo, from every demo organisation, through the same service as the screen -
// so the portal has a release with figures in it at once, and it is frozen like any other.
import type { AppContext } from '../app-context.ts';
import { bulletinMonth } from '../incidents/demo-incidents.ts';
import { createReleasesService, statsEmbargoDays } from './releases.service.ts';
import { statsMinCell } from './stats.service.ts';

/** A month's name as the bulletin's title says it ("octubre"). */
const monthInSpanish = (month: number) =>
  new Intl.DateTimeFormat('es-MX', { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2000, month - 1, 1)));

export function bulletinTitle(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `Violencia contra personas en movilidad, ${monthInSpanish(m)} de ${y}`;
}

/** Publishes the demo bulletin once; returns its id, or null when there is nothing to publish. */
export async function publishDemoRelease(ctx: AppContext): Promise<string | null> {
  const { rows: existing } = await ctx.db.query('SELECT 1 FROM stats_releases LIMIT 1');
  if (existing.length > 0) return null;
  const { rows } = await ctx.db.query<{ account_id: string; org_id: string }>(
    `SELECT m.account_id::text AS account_id, m.org_id::text AS org_id FROM memberships m JOIN accounts a ON a.id = m.account_id
     WHERE m.role = 'coordinator' ORDER BY (a.email = 'coordinacion@soconusco.example') DESC, a.email LIMIT 1`,
  );
  const publisher = rows[0];
  if (!publisher) return null;
  const { rows: orgs } = await ctx.db.query<{ id: string }>('SELECT id::text AS id FROM organisations ORDER BY id');
  const embargoDays = statsEmbargoDays();
  const month = bulletinMonth(ctx.clock(), embargoDays);
  const releases = createReleasesService({
    db: ctx.db,
    audit: ctx.audit,
    clock: ctx.clock,
    minCell: statsMinCell(),
    embargoDays,
  });
  const release = await releases.publish(
    { accountId: publisher.account_id, orgId: publisher.org_id, role: 'coordinator', teamIds: [], sharing: [] },
    {
      title: bulletinTitle(month),
      periodFrom: month,
      periodTo: month,
      tables: ['incidents.acts'],
      orgIds: orgs.map((o) => o.id),
    },
  );
  return release.id;
}
