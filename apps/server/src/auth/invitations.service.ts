// Invitations: an administrator (or the operator's command line) names a person, an e-mail address
// and a role; the link goes to that mailbox; the person chooses the password and then sets up
// two-factor (docs/decisions/0129-accounts-only-the-owner-controls.md). The administrator never
// sees the link, a password or a second factor.
// Inviting an address that already has an account in another organisation looks exactly the same
// to the administrator (no "e-mail taken"): the owner then accepts with their own credentials.
import { isRole } from '@acompana/core';
import type { Database, Queryable } from '../kernel/db/database.ts';
import { AppError } from '../kernel/errors.ts';
import type { AuditWriter } from '../audit/audit-log.ts';
import type { Mailer } from '../notifications/mailer.ts';
import { findOrCreateTeam } from '../orgs/orgs.queries.ts';
import { hashPassword } from './password-hashing.ts';
import { checkNewPassword } from './password-policy.ts';
import { createSession, type NewSession } from './sessions.ts';
import type { LoginService } from './login.service.ts';
import { normaliseEmail } from './login.service.ts';
import {
  checkLink,
  hashLinkToken,
  INVITATION_DAYS,
  invitationLink,
  invitationMail,
  newLinkToken,
  requireMailer,
} from './account-links.ts';

export interface InvitationInput {
  orgId: string;
  email: string;
  displayName: string;
  role: string;
  locale?: 'es' | 'en' | undefined;
  teams?: string[] | undefined;
}

interface InvitationRow {
  id: string;
  org_id: string;
  organisation: string;
  email: string;
  display_name: string;
  role: string;
  locale: 'es' | 'en';
  teams: string[];
  expires_at: Date | string;
  used: boolean;
  revoked: boolean;
  existing_account: string | null;
}

export interface InvitationsDeps {
  db: Database;
  audit: AuditWriter;
  clock: () => Date;
  mailer: Mailer | undefined;
  publicUrl: string;
  login: LoginService;
  sessionMaxMinutes: number;
}

export function createInvitationsService(deps: InvitationsDeps) {
  const { db, audit, clock } = deps;

  async function find(tx: Queryable, token: string, lock = false): Promise<InvitationRow | undefined> {
    const { rows } = await tx.query<InvitationRow>(
      `SELECT i.id::text AS id, i.org_id::text AS org_id, o.name AS organisation, i.email, i.display_name, i.role,
              i.locale, i.teams, i.expires_at, i.accepted_at IS NOT NULL AS used, i.revoked_at IS NOT NULL AS revoked,
              (SELECT a.id::text FROM accounts a WHERE a.email = i.email) AS existing_account
         FROM account_invitations i JOIN organisations o ON o.id = i.org_id
        WHERE i.token_hash = $1${lock ? ' FOR UPDATE OF i' : ''}`,
      [hashLinkToken(token)],
    );
    return rows[0];
  }

  /** The invitation behind a link, or the error that says why it cannot be used. */
  async function open(tx: Queryable, token: string, lock = false): Promise<InvitationRow> {
    const row = await find(tx, token, lock);
    // A link replaced by a newer invitation or withdrawn is simply no longer valid.
    checkLink(row && !row.revoked ? row : undefined, clock());
    return row as InvitationRow;
  }

  /**
   * Records the invitation and returns its link. `delivery: 'mail'` (the API) refuses before
   * writing anything when there is no mailer, and sends the link; 'print' is the operator's.
   */
  async function invite(
    input: InvitationInput,
    actor: { accountId: string | null; ip?: string | undefined },
    delivery: 'mail' | 'print',
  ): Promise<{ invitationId: string; expiresAt: Date; link: string }> {
    if (!isRole(input.role)) throw new AppError('orgs.unknown_role', { field: 'role', params: { role: input.role } });
    const email = normaliseEmail(input.email);
    const { token, hash } = newLinkToken();
    const expiresAt = new Date(clock().getTime() + INVITATION_DAYS * 86_400_000);
    const { invitationId, organisation } = await db.transaction(async (tx) => {
      // Already a member here: this administrator sees them in the list anyway, so saying so reveals nothing.
      const member = await tx.query(
        'SELECT 1 FROM memberships m JOIN accounts a ON a.id = m.account_id WHERE m.org_id = $1 AND a.email = $2',
        [input.orgId, email],
      );
      if (member.rowCount > 0) throw new AppError('orgs.email_taken', { field: 'email' });
      // Refused before anything is written when the link could not be sent.
      if (delivery === 'mail') requireMailer(deps.mailer);
      await tx.query(
        'UPDATE account_invitations SET revoked_at = $3 WHERE org_id = $1 AND email = $2 AND accepted_at IS NULL AND revoked_at IS NULL',
        [input.orgId, email, clock()],
      );
      const { rows } = await tx.query<{ id: string; name: string }>(
        `INSERT INTO account_invitations (org_id, email, display_name, role, locale, teams, token_hash, invited_by, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         RETURNING id::text AS id, (SELECT name FROM organisations WHERE id = $1) AS name`,
        [
          input.orgId,
          email,
          input.displayName.trim() || email.split('@')[0],
          input.role,
          input.locale ?? 'es',
          input.teams ?? [],
          hash,
          actor.accountId,
          clock(),
          expiresAt,
        ],
      );
      const created = rows[0] as { id: string; name: string };
      await audit.append(tx, {
        actorAccountId: actor.accountId,
        actorOrgId: actor.accountId ? input.orgId : null,
        action: 'account.invite',
        recordType: 'account_invitation',
        recordId: created.id,
        orgId: input.orgId,
        fields: ['email', 'display_name', 'role'],
        ip: actor.ip ?? null,
        details: { role: input.role, delivery },
      });
      return { invitationId: created.id, organisation: created.name };
    });
    const link = invitationLink(deps.publicUrl, token);
    if (delivery === 'mail') {
      try {
        await requireMailer(deps.mailer).send({
          to: email,
          ...invitationMail(input.locale ?? 'es', organisation, link),
        });
      } catch (error) {
        // An invitation whose link never left is withdrawn: nothing usable stays behind.
        await db.query('UPDATE account_invitations SET revoked_at = $2 WHERE id = $1', [invitationId, clock()]);
        throw new AppError('account.mail_failed', { cause: error });
      }
    }
    return { invitationId, expiresAt, link };
  }

  async function inspect(token: string) {
    const row = await open(db, token);
    return {
      email: row.email,
      organisation: row.organisation,
      role: row.role as never,
      existingAccount: row.existing_account !== null,
      expiresAt: new Date(row.expires_at).toISOString(),
    };
  }

  async function addMembership(tx: Queryable, row: InvitationRow, accountId: string): Promise<void> {
    await tx.query('INSERT INTO memberships (account_id, org_id, role) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [
      accountId,
      row.org_id,
      row.role,
    ]);
    for (const team of row.teams) {
      const teamId = await findOrCreateTeam(tx, row.org_id, team);
      await tx.query('INSERT INTO team_members (team_id, account_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
        teamId,
        accountId,
      ]);
    }
  }

  /**
   * Accepts a link: a new address chooses its password (two-factor set-up follows in the session
   * this opens); an address that has an account proves it with its password and second factor.
   * The link is spent in the same transaction that adds the membership.
   */
  async function accept(input: {
    token: string;
    password: string;
    totp?: string | undefined;
    recoveryCode?: string | undefined;
    ip: string;
    userAgent: string | undefined;
  }): Promise<NewSession & { accountId: string }> {
    const before = await open(db, input.token);
    let existing: { id: string; secondFactor: boolean } | undefined;
    let passwordHash: string | undefined;
    if (before.existing_account) {
      const checked = await deps.login.checkCredentials({ ...input, email: before.email });
      existing = { id: checked.id, secondFactor: checked.secondFactor !== 'none' };
    } else {
      checkNewPassword(input.password, 'password');
      passwordHash = await hashPassword(input.password);
    }
    const now = clock();
    return db.transaction(async (tx) => {
      const row = await open(tx, input.token, true);
      let accountId = existing?.id;
      if (!accountId) {
        // The address may have got an account since the page was opened: then it must sign in.
        if (row.existing_account) throw new AppError('orgs.email_taken', { field: 'email' });
        const { rows } = await tx.query<{ id: string }>(
          `INSERT INTO accounts (home_org_id, email, display_name, locale, password_hash, password_changed_at)
           VALUES ($1, $2, $3, $4, $5, $6) RETURNING id::text AS id`,
          [row.org_id, row.email, row.display_name, row.locale, passwordHash, now],
        );
        accountId = (rows[0] as { id: string }).id;
      }
      await addMembership(tx, row, accountId);
      await tx.query('UPDATE account_invitations SET accepted_at = $2, accepted_account_id = $3 WHERE id = $1', [
        row.id,
        now,
        accountId,
      ]);
      const session = await createSession(tx, {
        accountId,
        activeOrgId: row.org_id,
        secondFactorOk: existing?.secondFactor ?? false,
        ip: input.ip,
        userAgent: input.userAgent,
        maxMinutes: deps.sessionMaxMinutes,
        now,
      });
      await audit.append(tx, {
        actorAccountId: accountId,
        actorOrgId: row.org_id,
        action: 'account.invitation_accepted',
        recordType: 'account_invitation',
        recordId: row.id,
        orgId: row.org_id,
        ip: input.ip,
        details: { role: row.role, existingAccount: existing !== undefined },
      });
      return { ...session, accountId };
    });
  }

  return { invite, inspect, accept };
}

export type InvitationsService = ReturnType<typeof createInvitationsService>;
