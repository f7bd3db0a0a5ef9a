// A person's households in their export and their erasure (decision 0118). The export names each
// household the person belongs or belonged to, its kind and the person's relationship, and the
// other members only by their relationship: their names are their own personal data. Erasure
// removes the person's memberships (and their role as someone's responsible adult); a household
// left with nobody is deleted, or kept as an empty stub when a case still names it; a household
// whose label or notes name the erased person ("familia de Dania") loses that text.
import { registerPersonDataHandler, mentionsPerson } from '../people/person-data-registry.ts';
import { openHousehold } from './household-crypto.ts';

interface MembershipRow {
  household_id: string;
  kind: string;
  relationship: string;
  responsible_adult_id: string | null;
  joined_at: Date | string;
  left_at: Date | string | null;
}

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

registerPersonDataHandler({
  section: 'households',
  async exportFor({ db }, orgId, personId) {
    const { rows } = await db.query<MembershipRow>(
      `SELECT m.household_id::text AS household_id, h.kind, m.relationship, m.responsible_adult_id::text AS responsible_adult_id, m.joined_at, m.left_at
         FROM household_members m JOIN households h ON h.id = m.household_id
        WHERE m.person_id = $1 AND h.org_id = $2 ORDER BY m.joined_at, m.household_id`,
      [personId, orgId],
    );
    const others = await db.query<{ household_id: string; person_id: string; relationship: string }>(
      `SELECT household_id::text AS household_id, person_id::text AS person_id, relationship FROM household_members
        WHERE household_id = ANY($1::uuid[]) AND person_id <> $2 AND left_at IS NULL ORDER BY joined_at, person_id`,
      [rows.map((r) => r.household_id), personId],
    );
    return rows.map((r) => {
      const members = others.rows.filter((o) => o.household_id === r.household_id);
      return {
        householdId: r.household_id,
        kind: r.kind,
        relationship: r.relationship,
        joinedAt: iso(r.joined_at),
        leftAt: iso(r.left_at),
        // The responsible adult and the other members appear only as a relationship.
        responsibleAdultRelationship: r.responsible_adult_id
          ? (members.find((m) => m.person_id === r.responsible_adult_id)?.relationship ?? null)
          : null,
        otherMembers: members.map((m) => ({ relationship: m.relationship })),
      };
    });
  },
  async eraseIn({ tx, keyring, personId, at, nameTokens }) {
    const { rows } = await tx.query<{ id: string; org_id: string; label: unknown; notes: unknown }>(
      `SELECT h.id::text AS id, h.org_id::text AS org_id, h.label, h.notes FROM households h
        WHERE EXISTS (SELECT 1 FROM household_members m WHERE m.household_id = h.id AND m.person_id = $1) ORDER BY h.id`,
      [personId],
    );
    await tx.query('UPDATE household_members SET responsible_adult_id = NULL WHERE responsible_adult_id = $1', [
      personId,
    ]);
    const memberships = (await tx.query('DELETE FROM household_members WHERE person_id = $1', [personId])).rowCount;
    const counts = { memberships, deleted: 0, stubbed: 0, textCleared: 0 };
    for (const h of rows) {
      const left = await tx.query<{ members: number; active: number; cases: number }>(
        `SELECT (SELECT count(*) FROM household_members WHERE household_id = $1)::int AS members,
                (SELECT count(*) FROM household_members WHERE household_id = $1 AND left_at IS NULL)::int AS active,
                (SELECT count(*) FROM cases WHERE household_id = $1)::int AS cases`,
        [h.id],
      );
      const { members = 0, active = 0, cases = 0 } = left.rows[0] ?? {};
      if (Number(members) === 0 && Number(cases) === 0) {
        await tx.query('DELETE FROM households WHERE id = $1', [h.id]);
        counts.deleted += 1;
      } else if (Number(active) === 0) {
        await tx.query(
          'UPDATE households SET label = NULL, notes = NULL, version = version + 1, updated_at = $2 WHERE id = $1',
          [h.id, at],
        );
        counts.stubbed += 1;
      } else {
        const label = mentionsPerson(await openHousehold(keyring, h.org_id, 'label', h.label), nameTokens);
        const notes = mentionsPerson(await openHousehold(keyring, h.org_id, 'notes', h.notes), nameTokens);
        if (!label && !notes) continue;
        await tx.query(
          `UPDATE households SET label = CASE WHEN $2 THEN NULL ELSE label END, notes = CASE WHEN $3 THEN NULL ELSE notes END,
                  version = version + 1, updated_at = $4 WHERE id = $1`,
          [h.id, label, notes, at],
        );
        counts.textCleared += 1;
      }
    }
    return counts;
  },
});
