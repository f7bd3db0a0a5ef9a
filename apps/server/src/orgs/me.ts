// The answer to "who am I": account, active organisation and role, memberships, CSRF token.
import { permissionsOf, type Me, type Role } from '@acompana/core';
import type { Queryable } from '../kernel/db/database.ts';
import type { SessionRow } from '../auth/sessions.ts';
import { mustEnrollTotp } from '../kernel/http/auth-context.ts';
import { listMemberships, type MembershipRow } from './orgs.queries.ts';

export async function buildMe(db: Queryable, session: SessionRow, memberships?: MembershipRow[]): Promise<Me> {
  const all = memberships ?? (await listMemberships(db, session.account_id));
  const active = all.find((m) => m.org_id === session.active_org_id);
  return {
    account: {
      id: session.account_id,
      email: session.email,
      displayName: session.display_name,
      locale: session.locale === 'en' ? 'en' : 'es',
    },
    activeOrg: active ? { id: active.org_id, slug: active.slug, name: active.name } : null,
    role: (active?.role as Role | undefined) ?? null,
    memberships: all.map((m) => ({
      org: { id: m.org_id, slug: m.slug, name: m.name },
      role: m.role as Role,
      teams: m.teams ?? [],
    })),
    csrfToken: session.csrf_token,
    totpEnrolled: session.totp_enrolled,
    mustEnrollTotp: mustEnrollTotp(session, all),
    permissions: permissionsOf({
      accountId: session.account_id,
      orgId: active?.org_id ?? null,
      role: active?.role ?? null,
      teamIds: [],
      sharing: [],
    }),
  };
}
