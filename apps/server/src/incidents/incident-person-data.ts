// A person's links to documented incidents in their export and their erasure (decision 0118).
// The export names the event (id, title, date) only to someone who may read it; anyone else
// learns that a link exists. Erasure turns each link into an anonymous count of one, so the
// event still counts its victims (HURIDOCS: the violation happened whoever asks to be forgotten);
// sex and age group stay only when the person had consented to anonymous statistics, otherwise
// the victim becomes "unknown" in every dimension.
import { can } from '@acompana/core';
import { registerPersonDataHandler } from '../people/person-data-registry.ts';
import { open } from './incident-crypto.ts';
import { mayAccessByConfidentiality } from './incident-confidentiality.ts';

interface LinkRow {
  victim_id: string;
  event_id: string;
  org_id: string;
  owner_account_id: string | null;
  team_id: string | null;
  confidentiality: string;
  title: unknown;
  start_date: string | Date;
  link_consent: string | null;
  link_consent_at: Date | string | null;
  sex: string;
  age_group: string;
}

registerPersonDataHandler({
  section: 'incidents',
  async exportFor({ db, keyring, actor }, orgId, personId) {
    const { rows } = await db.query<LinkRow>(
      `SELECT v.id::text AS victim_id, e.id::text AS event_id, e.org_id::text AS org_id, e.owner_account_id::text AS owner_account_id, e.team_id::text AS team_id,
              e.confidentiality, e.title, e.start_date, v.link_consent, v.link_consent_at, v.sex, v.age_group
         FROM incident_victims v JOIN incident_events e ON e.id = v.event_id
        WHERE v.person_id = $1 AND v.org_id = $2 ORDER BY e.start_date, e.id`,
      [personId, orgId],
    );
    return Promise.all(
      rows.map(async (r) => {
        // As the incidents module decides for a single event: can() and the confidentiality level (0119).
        const readable =
          can(actor, 'read', { type: 'incident', orgId: r.org_id, ownerId: r.owner_account_id, teamId: r.team_id }) &&
          mayAccessByConfidentiality(actor, r);
        const link = {
          linkConsent: r.link_consent,
          linkConsentAt: r.link_consent_at ? new Date(r.link_consent_at).toISOString() : null,
          sex: r.sex,
          ageGroup: r.age_group,
        };
        if (!readable) return { linked: true, event: null, ...link };
        const date =
          typeof r.start_date === 'string' ? r.start_date.slice(0, 10) : r.start_date.toISOString().slice(0, 10);
        return {
          linked: true,
          event: {
            id: r.event_id,
            title: (await open(keyring, r.org_id, 'incident_events', 'title', r.title)) ?? '',
            startDate: date,
          },
          ...link,
        };
      }),
    );
  },
  async eraseIn({ tx, personId, statisticsConsent }) {
    const { rowCount } = await tx.query(
      `UPDATE incident_victims SET person_id = NULL, link_consent = NULL, link_consent_by = NULL, link_consent_at = NULL, count = 1, nationality = NULL,
              sex = CASE WHEN $2 THEN sex ELSE 'U' END, age_group = CASE WHEN $2 THEN age_group ELSE 'unknown' END
        WHERE person_id = $1`,
      [personId, statisticsConsent],
    );
    return { victimLinks: rowCount };
  },
});
