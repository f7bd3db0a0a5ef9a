// A person's place in separated-family files, in their export and their erasure (decision 0118).
// The export gives, for each file of the organisation that lists the person, what it says about
// them: relationship, since when separated, where, who holds them and who has guardianship, the
// member's status and the tracing requests about them. The file's label, the other members and
// the plan are the family's, not the person's (as for households): they are not exported.
//
// Erasure removes the person's member rows from every file, in any organisation (a partner's file
// may link their record), with the tracing requests about them: a member row is nothing but data
// about the person. The files themselves stay with their other members and status, so the
// families-reunified indicator keeps counting them; a label or plan step that names the person
// (any folded name token) is blanked, the label being required.
import { mentionsPerson, registerPersonDataHandler } from '../people/person-data-registry.ts';
import { open, sealBlank } from '../reintegration/reintegration-crypto.ts';

interface MembershipRow {
  id: string;
  family_id: string;
  org_id: string;
  family_status: string;
  reunified_on: string | null;
  relationship: string;
  is_child: boolean;
  separated_since: string | null;
  location: unknown;
  holding_authority: string | null;
  holding_country: string | null;
  guardian: unknown;
  case_id: string | null;
  status: string;
}

const memberOf = 'member_id IN (SELECT id FROM family_members WHERE person_id = $1)';

registerPersonDataHandler({
  section: 'families',
  async exportFor({ db, keyring }, orgId, personId) {
    const { rows } = await db.query<MembershipRow>(
      `SELECT m.id::text AS id, m.family_id::text AS family_id, m.org_id::text AS org_id, f.status AS family_status, f.reunified_on::text AS reunified_on,
              m.relationship, m.is_child, m.separated_since::text AS separated_since, m.location, m.holding_authority, trim(m.holding_country) AS holding_country,
              m.guardian, m.case_id::text AS case_id, m.status
         FROM family_members m JOIN families f ON f.id = m.family_id
        WHERE m.person_id = $1 AND m.org_id = $2 ORDER BY m.created_at, m.id`,
      [personId, orgId],
    );
    const out = [];
    for (const m of rows) {
      const tracing = await db.query<{
        channel: string;
        requested_on: string;
        status: string;
        note: unknown;
        closed_on: string | null;
      }>(
        `SELECT channel, requested_on::text AS requested_on, status, note, closed_on::text AS closed_on FROM family_tracing_requests WHERE member_id = $1 ORDER BY requested_on, id`,
        [m.id],
      );
      out.push({
        familyId: m.family_id,
        familyStatus: m.family_status,
        reunifiedOn: m.reunified_on,
        relationship: m.relationship,
        isChild: m.is_child,
        separatedSince: m.separated_since,
        location: await open(keyring, m.org_id, 'family_members', 'location', m.location),
        holdingAuthority: m.holding_authority,
        holdingCountry: m.holding_country,
        guardian: await open(keyring, m.org_id, 'family_members', 'guardian', m.guardian),
        caseId: m.case_id,
        status: m.status,
        tracing: await Promise.all(
          tracing.rows.map(async (t) => ({
            channel: t.channel,
            requestedOn: t.requested_on,
            status: t.status,
            closedOn: t.closed_on,
            note: await open(keyring, m.org_id, 'family_tracing_requests', 'note', t.note),
          })),
        ),
      });
    }
    return out;
  },
  async eraseIn({ tx, keyring, personId, nameTokens }) {
    const files = await tx.query<{ id: string; org_id: string; label: unknown }>(
      'SELECT DISTINCT f.id::text AS id, f.org_id::text AS org_id, f.label FROM families f JOIN family_members m ON m.family_id = f.id WHERE m.person_id = $1',
      [personId],
    );
    const tracing = (await tx.query(`DELETE FROM family_tracing_requests WHERE ${memberOf}`, [personId])).rowCount;
    const members = (await tx.query('DELETE FROM family_members WHERE person_id = $1', [personId])).rowCount;
    let textCleared = 0;
    for (const f of files.rows) {
      if (mentionsPerson(await open(keyring, f.org_id, 'families', 'label', f.label), nameTokens)) {
        await tx.query('UPDATE families SET label = $2, version = version + 1 WHERE id = $1', [
          f.id,
          await sealBlank(keyring, f.org_id, 'families', 'label'),
        ]);
        textCleared += 1;
      }
      const steps = await tx.query<{ id: string; title: unknown }>(
        'SELECT id::text AS id, title FROM family_plan_steps WHERE family_id = $1',
        [f.id],
      );
      for (const s of steps.rows) {
        if (!mentionsPerson(await open(keyring, f.org_id, 'family_plan_steps', 'title', s.title), nameTokens)) continue;
        await tx.query('UPDATE family_plan_steps SET title = $2 WHERE id = $1', [
          s.id,
          await sealBlank(keyring, f.org_id, 'family_plan_steps', 'title'),
        ]);
        textCleared += 1;
      }
    }
    return { members, tracing, textCleared };
  },
});
