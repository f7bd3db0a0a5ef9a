// Organisations and the people who log in. Used by the CLI (user create), the demo seed and the
// admin API. Every change is audited in the same transaction.
import { isRole, rolesSeeingPersonalData } from '@acompana/core';
import type { Database, Queryable } from '../kernel/db/database.ts';
import { AppError } from '../kernel/errors.ts';
import type { Keyring } from '../kernel/crypto/keyring.ts';
import type { AuditWriter } from '../audit/audit-log.ts';
import { hashPassword, MIN_PASSWORD_LENGTH } from '../auth/password-hashing.ts';
import { newTotpSecret } from '../auth/totp.ts';
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

export const TOTP_SECRET_CONTEXT = 'accounts.totp_secret';

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
    if (input.password.length < MIN_PASSWORD_LENGTH) throw new AppError('orgs.weak_password', { field: 'password' });
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
      // A permission change takes effect at once: the account's sessions end.
      await tx.query('DELETE FROM sessions WHERE account_id = $1', [accountId]);
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

  return {
    createOrganisationIn,
    ensureOrganisation,
    createAccount: (input: AccountInput, actor: { accountId: string | null; ip?: string } = { accountId: null }) =>
      db.transaction((tx) => createAccountIn(tx, input, actor)),
    changeRole,
  };
}

export type AccountsService = ReturnType<typeof createAccountsService>;
