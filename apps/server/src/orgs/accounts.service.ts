// Organisations and the people who log in. Used by the CLI (user create), the demo seed and the
// admin API. Every change is audited in the same transaction. Creating an account with a password
// chosen by someone else is for the operator's first set-up, the demo and tests; administrators
// invite instead (auth/invitations.service.ts, docs/decisions/0129-accounts-only-the-owner-controls.md).
// An administrator acts on an account's access (disable, enable, forced reset) only in the
// organisation that manages it (its home organisation); any organisation can remove its own
// membership, change its own role, and that touches only sessions working in that organisation.
import { isRole, rolesSeeingPersonalData } from '@acompana/core';
import type { Database, Queryable } from '../kernel/db/database.ts';
import { AppError } from '../kernel/errors.ts';
import type { Keyring } from '../kernel/crypto/keyring.ts';
import type { AuditWriter } from '../audit/audit-log.ts';
import { hashPassword } from '../auth/password-hashing.ts';
import { checkNewPassword } from '../auth/password-policy.ts';
import { newTotpSecret } from '../auth/totp.ts';
import { TOTP_SECRET_CONTEXT } from '../auth/second-factor.ts';
import { endAccountAccess } from '../auth/sessions.ts';
import { findOrCreateTeam, findOrganisationBySlug, insertOrganisation } from './orgs.queries.ts';

export interface OrganisationInput {
  slug: string;
  name: string;
  kind?: string;
  country?: string | null;
  timeZone?: string;
}

export interface AccountInput {
  orgId: string;
  email: string;
  password: string;
  role: string;
  displayName?: string;
  locale?: 'es' | 'en';
  /** Skip two-factor for this account (demo and service accounts). */
  totpExempt?: boolean;
  teams?: string[];
}

export interface CreatedAccount {
  accountId: string;
  /** Present when the account must use two-factor: shown once to whoever creates the account. */
  totpSecret?: string;
}

export interface AccountsDeps {
  db: Database;
  keyring: Keyring;
  audit: AuditWriter;
}

export { TOTP_SECRET_CONTEXT };

export function createAccountsService({ db, keyring, audit }: AccountsDeps) {
  async function createOrganisationIn(
    tx: Queryable,
    input: OrganisationInput,
    actorAccountId: string | null = null,
  ): Promise<string> {
    const orgId = await insertOrganisation(tx, {
      slug: input.slug,
      name: input.name,
      kind: input.kind ?? 'other',
      country: input.country ?? null,
      timeZone: input.timeZone ?? 'America/Mexico_City',
    });
    await keyring.createOrgKeys(tx, orgId);
    await audit.append(tx, {
      actorAccountId,
      action: 'organisation.create',
      recordType: 'organisation',
      recordId: orgId,
      orgId,
      details: { slug: input.slug },
    });
    return orgId;
  }

  async function ensureOrganisation(input: OrganisationInput): Promise<string> {
    const existing = await findOrganisationBySlug(db, input.slug);
    if (existing) return existing.id;
    return db.transaction((tx) => createOrganisationIn(tx, input));
  }

  async function createAccountIn(
    tx: Queryable,
    input: AccountInput,
    actor: { accountId: string | null; ip?: string },
  ): Promise<CreatedAccount> {
    if (!isRole(input.role)) throw new AppError('orgs.unknown_role', { field: 'role', params: { role: input.role } });
    checkNewPassword(input.password, 'password');
    const email = input.email.trim().toLowerCase();
    const taken = await tx.query('SELECT 1 FROM accounts WHERE email = $1', [email]);
    if (taken.rowCount > 0) throw new AppError('orgs.email_taken', { field: 'email' });
    const needsTotp = !input.totpExempt && rolesSeeingPersonalData.includes(input.role);
    const totpSecret = needsTotp ? newTotpSecret() : undefined;
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO accounts (home_org_id, email, display_name, locale, password_hash, totp_secret, totp_enrolled_at, totp_exempt)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id::text AS id`,
      [
        input.orgId,
        email,
        input.displayName ?? email.split('@')[0],
        input.locale ?? 'es',
        await hashPassword(input.password),
        totpSecret ? keyring.sealForAccounts(totpSecret, TOTP_SECRET_CONTEXT) : null,
        totpSecret ? new Date() : null,
        input.totpExempt ?? false,
      ],
    );
    const accountId = (rows[0] as { id: string }).id;
    await tx.query('INSERT INTO memberships (account_id, org_id, role) VALUES ($1, $2, $3)', [
      accountId,
      input.orgId,
      input.role,
    ]);
    for (const team of input.teams ?? []) {
      const teamId = await findOrCreateTeam(tx, input.orgId, team);
      await tx.query('INSERT INTO team_members (team_id, account_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
        teamId,
        accountId,
      ]);
    }
    await audit.append(tx, {
      actorAccountId: actor.accountId,
      action: 'account.create',
      recordType: 'account',
      recordId: accountId,
      orgId: input.orgId,
      fields: ['email', 'display_name', 'role'],
      ip: actor.ip ?? null,
      details: { role: input.role, totpExempt: input.totpExempt ?? false },
    });
    return totpSecret ? { accountId, totpSecret } : { accountId };
  }

  async function changeRole(
    orgId: string,
    accountId: string,
    role: string,
    actor: { accountId: string; ip: string },
  ): Promise<void> {
    if (!isRole(role)) throw new AppError('orgs.unknown_role', { field: 'role', params: { role } });
    await db.transaction(async (tx) => {
      const { rows } = await tx.query<{ role: string }>(
        'SELECT role FROM memberships WHERE org_id = $1 AND account_id = $2 FOR UPDATE',
        [orgId, accountId],
      );
      const current = rows[0];
      if (!current) throw new AppError('record.not_found');
      await tx.query('UPDATE memberships SET role = $1 WHERE org_id = $2 AND account_id = $3', [
        role,
        orgId,
        accountId,
      ]);
      // A permission change takes effect at once: the sessions working in this organisation end.
      // Sessions working in another organisation the person belongs to are not this admin's to end
      // (a switch to this organisation reads the new role: memberships are read on every request).
      await tx.query('DELETE FROM sessions WHERE account_id = $1 AND active_org_id = $2', [accountId, orgId]);
      await audit.append(tx, {
        actorAccountId: actor.accountId,
        actorOrgId: orgId,
        action: 'membership.role_change',
        recordType: 'membership',
        recordId: accountId,
        orgId,
        fields: ['role'],
        ip: actor.ip,
        details: { from: current.role, to: role },
      });
    });
  }

  /** Replaces the person's teams in this organisation (other organisations' teams are not touched). */
  async function setTeams(orgId: string, accountId: string, teams: string[], actor: { accountId: string; ip: string }) {
    const names = [...new Set(teams.map((name) => name.trim()))].sort();
    await db.transaction(async (tx) => {
      const member = await tx.query('SELECT 1 FROM memberships WHERE org_id = $1 AND account_id = $2 FOR UPDATE', [
        orgId,
        accountId,
      ]);
      if (member.rowCount === 0) throw new AppError('record.not_found');
      const before = await tx.query<{ name: string }>(
        `SELECT t.name FROM team_members tm JOIN teams t ON t.id = tm.team_id
          WHERE tm.account_id = $1 AND t.org_id = $2 ORDER BY t.name`,
        [accountId, orgId],
      );
      await tx.query(
        'DELETE FROM team_members WHERE account_id = $1 AND team_id IN (SELECT id FROM teams WHERE org_id = $2)',
        [accountId, orgId],
      );
      for (const name of names) {
        const teamId = await findOrCreateTeam(tx, orgId, name);
        await tx.query('INSERT INTO team_members (team_id, account_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
          teamId,
          accountId,
        ]);
      }
      // Team scope decides which records the person reads: sessions working here start again.
      await tx.query('DELETE FROM sessions WHERE account_id = $1 AND active_org_id = $2', [accountId, orgId]);
      await audit.append(tx, {
        actorAccountId: actor.accountId,
        actorOrgId: orgId,
        action: 'membership.teams_change',
        recordType: 'membership',
        recordId: accountId,
        orgId,
        fields: ['teams'],
        ip: actor.ip,
        details: { from: before.rows.map((r) => r.name).join(', '), to: names.join(', ') },
      });
    });
  }

  /** The account as a member of this organisation, or "not found" (another organisation's ids are never confirmed). */
  async function memberOf(tx: Queryable, orgId: string, accountId: string, actorAccountId: string) {
    const { rows } = await tx.query<{ home_org_id: string; role: string }>(
      `SELECT a.home_org_id::text AS home_org_id, m.role FROM memberships m JOIN accounts a ON a.id = m.account_id
        WHERE m.org_id = $1 AND m.account_id = $2 FOR UPDATE OF a`,
      [orgId, accountId],
    );
    const row = rows[0];
    if (!row) throw new AppError('record.not_found');
    if (accountId === actorAccountId) throw new AppError('account.not_yourself');
    return row;
  }

  /** For disable, enable and forced reset: only the organisation that manages the account. */
  async function managedHere(tx: Queryable, orgId: string, accountId: string, actorAccountId: string): Promise<void> {
    const row = await memberOf(tx, orgId, accountId, actorAccountId);
    if (row.home_org_id !== orgId) throw new AppError('account.managed_elsewhere');
  }

  async function setDisabled(
    orgId: string,
    accountId: string,
    disabled: boolean,
    actor: { accountId: string; ip: string },
  ): Promise<void> {
    await db.transaction(async (tx) => {
      await managedHere(tx, orgId, accountId, actor.accountId);
      await tx.query(
        'UPDATE accounts SET disabled_at = CASE WHEN $2 THEN coalesce(disabled_at, now()) ELSE NULL END, updated_at = now() WHERE id = $1',
        [accountId, disabled],
      );
      const ended = disabled ? await endAccountAccess(tx, accountId) : { sessions: 0, feeds: 0 };
      await audit.append(tx, {
        actorAccountId: actor.accountId,
        actorOrgId: orgId,
        action: disabled ? 'account.disable' : 'account.enable',
        recordType: 'account',
        recordId: accountId,
        orgId,
        ip: actor.ip,
        details: ended,
      });
    });
  }

  /**
   * Removes the person from this organisation (teams, membership, sessions working here). The
   * account stays for the records it signed; with no organisation left it is disabled.
   */
  async function removeFromOrg(orgId: string, accountId: string, actor: { accountId: string; ip: string }) {
    await db.transaction(async (tx) => {
      const row = await memberOf(tx, orgId, accountId, actor.accountId);
      await tx.query(
        'DELETE FROM team_members WHERE account_id = $1 AND team_id IN (SELECT id FROM teams WHERE org_id = $2)',
        [accountId, orgId],
      );
      await tx.query('DELETE FROM memberships WHERE account_id = $1 AND org_id = $2', [accountId, orgId]);
      await tx.query('DELETE FROM sessions WHERE account_id = $1 AND active_org_id = $2', [accountId, orgId]);
      const left = await tx.query('SELECT 1 FROM memberships WHERE account_id = $1', [accountId]);
      if (left.rowCount === 0) {
        await tx.query('UPDATE accounts SET disabled_at = coalesce(disabled_at, now()) WHERE id = $1', [accountId]);
        await endAccountAccess(tx, accountId);
      }
      await audit.append(tx, {
        actorAccountId: actor.accountId,
        actorOrgId: orgId,
        action: 'membership.remove',
        recordType: 'membership',
        recordId: accountId,
        orgId,
        ip: actor.ip,
        details: { role: row.role, lastMembership: left.rowCount === 0 },
      });
    });
  }

  return {
    managedHere: (orgId: string, accountId: string, actorAccountId: string) =>
      managedHere(db, orgId, accountId, actorAccountId),
    setDisabled,
    setTeams,
    removeFromOrg,
    createOrganisationIn,
    ensureOrganisation,
    createAccount: (input: AccountInput, actor: { accountId: string | null; ip?: string } = { accountId: null }) =>
      db.transaction((tx) => createAccountIn(tx, input, actor)),
    changeRole,
  };
}

export type AccountsService = ReturnType<typeof createAccountsService>;
