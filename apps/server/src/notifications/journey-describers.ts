// What the journeys' notifications are about (notification-about.ts), read under the recipient's
// own access at list time: a deadline names the person whose procedure it is, a child-protection
// alert the child, a match or a tracing answer the person searched for (the report's names, for
// the committee that holds the report), a tracing request its opaque reference and the
// organisation that asks (a partner never gets the name from the bell), a link request the name
// the victim gave with the event's date and place. Each gets the page the recipient can open.
import { can, placeLabel, type Actor } from '@acompana/core';
import type { Database } from '../kernel/db/database.ts';
import type { Keyring } from '../kernel/crypto/keyring.ts';
import { decryptFields, foundSpec, reportSpec } from '../missing/missing-crypto.ts';
import { findFound, findReport } from '../missing/missing.queries.ts';
import { open as openIncident } from '../incidents/incident-crypto.ts';
import {
  about,
  opaqueReference,
  personNameFor,
  registerNotificationDescriber,
  type AboutRow,
  type Described,
} from './notification-about.ts';

type Deps = { db: Database; keyring: Keyring };

const fullName = (d: Record<string, unknown>): string | null =>
  `${typeof d.givenNames === 'string' ? d.givenNames : ''} ${typeof d.surnames === 'string' ? d.surnames : ''}`.trim() ||
  null;

/** A missing report's names, when the recipient may read the report (own organisation). */
async function reportName(deps: Deps, actor: Actor, reportId: string): Promise<string | null> {
  const row = await findReport(deps.db, reportId);
  if (!row || row.org_id !== actor.orgId) return null;
  if (
    !can(actor, 'read', {
      type: 'missing_report',
      orgId: row.org_id,
      ownerId: row.owner_account_id,
      teamId: row.team_id,
    })
  )
    return null;
  return fullName(await decryptFields(deps.keyring, reportSpec, row.org_id, row, ['given_names', 'surnames']));
}

/** A found record's names (none for most unidentified remains), when the recipient may read it. */
async function foundName(deps: Deps, actor: Actor, foundId: string): Promise<string | null> {
  const row = await findFound(deps.db, foundId);
  if (!row || row.org_id !== actor.orgId) return null;
  if (
    !can(actor, 'read', {
      type: 'missing_report',
      orgId: row.org_id,
      ownerId: row.owner_account_id,
      teamId: row.team_id,
    })
  )
    return null;
  return fullName(await decryptFields(deps.keyring, foundSpec, row.org_id, row, ['given_names', 'surnames']));
}

/** The recipient's own record (person or found record) a partner confirmed as a match. */
async function ownRecordName(deps: Deps, actor: Actor, kind: string, id: string): Promise<string | null> {
  if (kind === 'person') return personNameFor(deps, actor, id);
  if (kind === 'found_record') return foundName(deps, actor, id);
  return null;
}

/** The organisation that last confirmed the recipient's record as the person it searches for. */
async function confirmingOrg(db: Database, candidateId: string): Promise<string | null> {
  const { rows } = await db.query<{ name: string }>(
    `SELECT o.name FROM match_candidates m JOIN organisations o ON o.id = m.org_id
      WHERE m.candidate_id = $1 AND m.review_status = 'confirmed' ORDER BY m.reviewed_at DESC NULLS LAST LIMIT 1`,
    [candidateId],
  );
  return rows[0]?.name ?? null;
}

function describe(
  recordType: string,
  one: (deps: Deps, actor: Actor, row: AboutRow) => Promise<Described | null>,
): void {
  registerNotificationDescriber(recordType, async (deps, actor, rows) => {
    const out = new Map<string, Described>();
    for (const row of rows) {
      const d = await one(deps, actor, row);
      if (d) out.set(row.id, d);
    }
    return out;
  });
}

// A deadline reminder: whose procedure, on its tab of the person's page.
describe('procedure', async (deps, actor, n) => {
  const { rows } = await deps.db.query<{ person_id: string; org_id: string }>(
    'SELECT person_id::text AS person_id, org_id::text AS org_id FROM procedures WHERE id = $1',
    [n.record_id],
  );
  const p = rows[0];
  if (!p || p.org_id !== actor.orgId) return null;
  return {
    link: `/people/${p.person_id}?tab=procedures`,
    about: about({ person: await personNameFor(deps, actor, p.person_id) }),
  };
});

// A person: a child-protection alert, or a partner's confirmation of a match with this record.
describe('person', async (deps, actor, n) => ({
  link: `/people/${n.record_id}`,
  about: about({
    person: await personNameFor(deps, actor, n.record_id),
    org: n.kind === 'missing.match_confirmed_holder' ? await confirmingOrg(deps.db, n.record_id) : null,
  }),
}));

// The holder's found record confirmed by a partner without a tracing request.
describe('found_record', async (deps, actor, n) => {
  const person = await foundName(deps, actor, n.record_id);
  return {
    link: `/search/found/${n.record_id}`,
    about: about({
      person,
      reference: person ? null : opaqueReference(n.record_id),
      org: await confirmingOrg(deps.db, n.record_id),
    }),
  };
});

// The committee's own report: new candidates, a confirmed match, a partner's answer to tracing.
describe('missing_report', async (deps, actor, n) => {
  let org: string | null = null;
  if (n.kind.startsWith('missing.tracing_') && n.ref_id) {
    const { rows } = await deps.db.query<{ name: string }>(
      'SELECT o.name FROM tracing_requests t JOIN organisations o ON o.id = t.to_org_id WHERE t.id = $1 AND t.from_org_id = $2',
      [n.ref_id, actor.orgId],
    );
    org = rows[0]?.name ?? null;
  }
  return {
    link: `/search/reports/${n.record_id}`,
    about: about({ person: await reportName(deps, actor, n.record_id), org }),
  };
});

// A tracing request received from a partner: its reference and who asks; never the name searched
// for (it is on the request's page, for those who may open it). When a partner confirmed one of
// the recipient's own records, that record is named as the recipient may see it.
describe('tracing_request', async (deps, actor, n) => {
  const { rows } = await deps.db.query<{ to_org_id: string; from_name: string }>(
    `SELECT t.to_org_id::text AS to_org_id, o.name AS from_name
       FROM tracing_requests t JOIN organisations o ON o.id = t.from_org_id WHERE t.id = $1`,
    [n.record_id],
  );
  const t = rows[0];
  if (!t || t.to_org_id !== actor.orgId) return null;
  let person: string | null = null;
  if (n.ref_id) {
    const c = await deps.db.query<{ kind: string }>(
      'SELECT candidate_kind AS kind FROM tracing_candidates WHERE request_id = $1 AND candidate_id = $2 LIMIT 1',
      [n.record_id, n.ref_id],
    );
    if (c.rows[0]) person = await ownRecordName(deps, actor, c.rows[0].kind, n.ref_id);
  }
  return {
    link: `/search/tracing/${n.record_id}`,
    about: about({ person, reference: opaqueReference(n.record_id), org: t.from_name }),
  };
});

interface LinkRequestFacts {
  id: string;
  org_id: string;
  event_id: string;
  requested_by: string;
  recipients: string[];
  name_hint: unknown;
  start_date: string;
  start_precision: string;
  country: string;
  state_code: string | null;
  municipality_code: string | null;
}

async function linkRequest(db: Database, id: string): Promise<LinkRequestFacts | undefined> {
  const { rows } = await db.query<LinkRequestFacts>(
    `SELECT r.id::text AS id, r.org_id::text AS org_id, r.event_id::text AS event_id, r.requested_by::text AS requested_by,
            r.recipients::text[] AS recipients, r.name_hint, e.start_date::text AS start_date, e.start_precision,
            e.country, e.state_code, e.municipality_code
       FROM incident_link_requests r JOIN incident_events e ON e.id = r.event_id WHERE r.id = $1`,
    [id],
  );
  return rows[0];
}

/** The event's date as precise as it was recorded: 2026-11-03, 2026-11 or 2026. */
const eventDate = (r: LinkRequestFacts) =>
  r.start_precision === 'month'
    ? r.start_date.slice(0, 7)
    : r.start_precision === 'year'
      ? r.start_date.slice(0, 4)
      : r.start_date.slice(0, 10);

async function linkAbout(deps: Deps, r: LinkRequestFacts) {
  const place = { country: r.country, stateCode: r.state_code, municipalityCode: r.municipality_code };
  const es = placeLabel(place, 'es');
  return {
    // The name the victim gave, as the documentation officer typed it (both sides see it).
    person: (await openIncident(deps.keyring, r.org_id, 'incident_link_requests', 'name_hint', r.name_hint)) ?? null,
    date: eventDate(r),
    place: es ? { es, en: placeLabel(place, 'en') ?? es } : null,
  };
}

// A request to link a victim, for the accounts it was addressed to.
describe('incident_link_request', async (deps, actor, n) => {
  const r = await linkRequest(deps.db, n.record_id);
  if (!r || r.org_id !== actor.orgId || !r.recipients.includes(actor.accountId)) return null;
  const facts = await linkAbout(deps, r);
  return { link: '/link-requests', about: about(facts) };
});

// The answer to the documentation officer's request: the event it was about.
describe('incident', async (deps, actor, n) => {
  if (!n.ref_id) return { link: `/incidents/${n.record_id}`, about: about({}) };
  const r = await linkRequest(deps.db, n.ref_id);
  if (!r || r.org_id !== actor.orgId || r.requested_by !== actor.accountId) return null;
  const facts = await linkAbout(deps, r);
  return {
    link: `/incidents/${r.event_id}`,
    about: about(facts),
  };
});
