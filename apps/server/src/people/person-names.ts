// Names of several people at once, for lists built by other modules (the lawyer's agenda, the
// organisation's overview): only people of the actor's organisation the actor may read, decrypted
// here (other modules never select people columns) and audited as a read of each of them.
import { can, type Actor } from '@acompana/core';
import type { Database } from '../kernel/db/database.ts';
import type { Keyring } from '../kernel/crypto/keyring.ts';
import type { AuditWriter } from '../audit/audit-log.ts';
import { decryptPersonColumns } from './person-crypto.ts';

interface NameRow {
  id: string;
  org_id: string;
  owner_account_id: string | null;
  team_id: string | null;
  given_names: unknown;
  surnames: unknown;
}

/** id → "Given names Surnames" for the readable ones; unreadable or erased people are left out. */
export async function readablePersonNames(
  deps: { db: Database; keyring: Keyring; audit: AuditWriter },
  actor: Actor,
  personIds: readonly string[],
  via: string,
): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const ids = [...new Set(personIds)];
  if (!actor.orgId || ids.length === 0) return names;
  const { rows } = await deps.db.query<NameRow>(
    `SELECT id::text AS id, org_id::text AS org_id, owner_account_id::text AS owner_account_id, team_id::text AS team_id, given_names, surnames
       FROM people WHERE id = ANY($1::uuid[]) AND org_id = $2 AND deleted_at IS NULL`,
    [ids, actor.orgId],
  );
  const readable = rows.filter((r) =>
    can(actor, 'read', { type: 'person', orgId: r.org_id, ownerId: r.owner_account_id, teamId: r.team_id }),
  );
  for (const row of readable) {
    const data = await decryptPersonColumns(deps.keyring, row.org_id, row, ['given_names', 'surnames']);
    names.set(row.id, [data.givenNames, data.surnames].filter(Boolean).join(' '));
  }
  if (readable.length > 0) {
    await deps.db.transaction(async (tx) => {
      for (const row of readable) {
        await deps.audit.append(tx, {
          actorAccountId: actor.accountId,
          actorOrgId: actor.orgId,
          action: 'person.read',
          recordType: 'person',
          recordId: row.id,
          orgId: row.org_id,
          fields: ['given_names', 'surnames'],
          details: { via },
        });
      }
    });
  }
  return names;
}
