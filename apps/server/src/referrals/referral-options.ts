// The services one may refer a given person to for a need, nearest first. Eligibility the
// directory states in a form the platform can check is applied before ranking: a service that
// serves only some nationalities (a consulate serves its own nationals) and age limits (HSDS
// minimum_age / maximum_age against the birth year). Distance is counted from where the person
// is staying now (the latest reception's place), else from the organisation's own service, so a
// Mexico City returnee sees Mexico City services before a Tijuana clinic. Directory data is public;
// the person's place is read decrypted here and never returned in clear beyond its city name.
import { can, type Actor, type ReferralOptions } from '@acompana/core';
import type { Database, Queryable } from '../kernel/db/database.ts';
import type { Keyring } from '../kernel/crypto/keyring.ts';
import type { AuditWriter } from '../audit/audit-log.ts';
import { AppError } from '../kernel/errors.ts';
import { ownPersonFor } from '../people/own-person.ts';
import { open } from '../reintegration/reintegration-crypto.ts';

interface Candidate {
  id: string;
  name: string;
  organisation: string;
  accepts_referrals: boolean;
  email: string | null;
  eligibility_description: string | null;
  served: string[] | null;
  minimum_age: string | number | null;
  maximum_age: string | number | null;
  latitude: number | null;
  longitude: number | null;
  city: string | null;
  state: string | null;
  phones: string[];
}

const EARTH_KM = 6371;
const rad = (deg: number) => (deg * Math.PI) / 180;
/** Great-circle distance in kilometres (haversine). */
export function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const h =
    Math.sin(rad(b.lat - a.lat) / 2) ** 2 +
    Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(rad(b.lon - a.lon) / 2) ** 2;
  return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

async function candidates(db: Queryable, need: string): Promise<Candidate[]> {
  const { rows } = await db.query<Candidate>(
    `SELECT s.id::text AS id, s.name, o.name AS organisation, s.accepts_referrals, s.email, s.eligibility_description,
            s.served_nationalities::text[] AS served, s.minimum_age, s.maximum_age,
            loc.latitude, loc.longitude, loc.city, loc.state,
            ARRAY(SELECT ph.number FROM hsds_phones ph WHERE ph.service_id = s.id ORDER BY ph.number) AS phones
       FROM hsds_service_search k
       JOIN hsds_services s ON s.id = k.service_id
       JOIN hsds_organizations o ON o.id = s.organization_id
       LEFT JOIN LATERAL (
         SELECT l.latitude, l.longitude, a.city, a.state_province AS state
           FROM hsds_service_at_locations x JOIN hsds_locations l ON l.id = x.location_id
           LEFT JOIN hsds_addresses a ON a.location_id = l.id
          WHERE x.service_id = s.id ORDER BY (l.latitude IS NULL), x.id LIMIT 1) loc ON true
      WHERE k.keys @> ARRAY[$1]::text[]`,
    [`n:${need}`],
  );
  return rows;
}

/** Coordinates of a place named in the directory's addresses (the mean of its locations). */
async function placeCoordinates(
  db: Queryable,
  city: string,
  state: string | null,
): Promise<{ lat: number; lon: number } | null> {
  const { rows } = await db.query<{ lat: number | null; lon: number | null }>(
    `SELECT avg(l.latitude)::float8 AS lat, avg(l.longitude)::float8 AS lon
       FROM hsds_addresses a JOIN hsds_locations l ON l.id = a.location_id
      WHERE hsds_fold(a.city) = hsds_fold($1) AND ($2::text IS NULL OR hsds_fold(a.state_province) = hsds_fold($2))
        AND l.latitude IS NOT NULL`,
    [city, state],
  );
  const r = rows[0];
  return r && r.lat !== null && r.lon !== null ? { lat: Number(r.lat), lon: Number(r.lon) } : null;
}

/** "City, State" as the reception form writes it. */
export function splitPlace(place: string): { city: string; state: string | null } {
  const at = place.lastIndexOf(',');
  return at === -1
    ? { city: place.trim(), state: null }
    : { city: place.slice(0, at).trim(), state: place.slice(at + 1).trim() || null };
}

/** Places the directory knows with coordinates, for the reception form's "where is the person staying". */
export async function directoryPlaces(db: Queryable): Promise<{ city: string; state: string; country: string }[]> {
  const { rows } = await db.query<{ city: string; state: string; country: string }>(
    `SELECT DISTINCT a.city, a.state_province AS state, upper(trim(a.country)) AS country
       FROM hsds_addresses a JOIN hsds_locations l ON l.id = a.location_id
      WHERE l.latitude IS NOT NULL ORDER BY 3, 2, 1 LIMIT 2000`,
  );
  return rows;
}

export function createReferralOptions({
  db,
  keyring,
  audit,
  clock,
}: {
  db: Database;
  keyring: Keyring;
  audit: AuditWriter;
  clock: () => Date;
}) {
  /** Where the person is now: the latest reception's staying place, else the organisation's own service. */
  async function originOf(
    orgId: string,
    personId: string,
  ): Promise<{
    origin: ReferralOptions['origin'];
    at: { lat: number; lon: number } | null;
  }> {
    const { rows } = await db.query<{ org_id: string; staying_place: unknown }>(
      `SELECT org_id::text AS org_id, staying_place FROM reintegration_receptions
        WHERE person_id = $1 AND org_id = $2 AND staying_place IS NOT NULL ORDER BY received_on DESC, created_at DESC LIMIT 1`,
      [personId, orgId],
    );
    const stay = rows[0]
      ? await open(keyring, orgId, 'reintegration_receptions', 'staying_place', rows[0].staying_place)
      : null;
    if (stay) {
      const place = splitPlace(stay);
      const at = await placeCoordinates(db, place.city, place.state);
      if (at) return { origin: { city: place.city, state: place.state ?? '', source: 'reception' }, at };
    }
    const own = await db.query<{ latitude: number; longitude: number; city: string | null; state: string | null }>(
      `SELECT l.latitude, l.longitude, a.city, a.state_province AS state
         FROM hsds_services s JOIN hsds_service_at_locations x ON x.service_id = s.id
         JOIN hsds_locations l ON l.id = x.location_id LEFT JOIN hsds_addresses a ON a.location_id = l.id
        WHERE s.owner_org_id = $1 AND s.deleted_at IS NULL AND l.latitude IS NOT NULL
        ORDER BY s.accepts_referrals DESC, s.created_at, s.id LIMIT 1`,
      [orgId],
    );
    const o = own.rows[0];
    return o
      ? {
          origin: { city: o.city ?? '', state: o.state ?? '', source: 'organisation' },
          at: { lat: Number(o.latitude), lon: Number(o.longitude) },
        }
      : { origin: null, at: null };
  }

  return {
    async forPerson(
      actor: Actor,
      query: { personId: string; need: string; limit: number },
      meta: { ip?: string | null } = {},
    ): Promise<ReferralOptions> {
      const person = await ownPersonFor(db, actor, 'read', query.personId, { field: 'personId' });
      if (
        !can(actor, 'create', {
          type: 'referral',
          orgId: person.org_id,
          ownerId: person.owner_account_id,
          teamId: person.team_id,
        })
      )
        throw new AppError('policy.denied');
      const { origin, at } = await originOf(person.org_id, person.id);
      const age = person.birth_year ? clock().getUTCFullYear() - Number(person.birth_year) : null;
      const all = await candidates(db, query.need);
      const eligible = all.filter((c) => {
        if (c.served && c.served.length > 0 && !(person.nationality && c.served.includes(person.nationality)))
          return false;
        if (age !== null && c.minimum_age !== null && age < Number(c.minimum_age)) return false;
        if (age !== null && c.maximum_age !== null && age > Number(c.maximum_age)) return false;
        return true;
      });
      const ranked = eligible
        .map((c) => ({
          c,
          km:
            at && c.latitude !== null && c.longitude !== null
              ? distanceKm(at, { lat: Number(c.latitude), lon: Number(c.longitude) })
              : null,
        }))
        .sort(
          (a, b) =>
            (a.km ?? Number.POSITIVE_INFINITY) - (b.km ?? Number.POSITIVE_INFINITY) ||
            Number(b.c.accepts_referrals) - Number(a.c.accepts_referrals) ||
            a.c.name.localeCompare(b.c.name, 'es'),
        )
        .slice(0, query.limit);
      await audit.record({
        actorAccountId: actor.accountId,
        actorOrgId: actor.orgId,
        action: 'referral.options',
        recordType: 'person',
        recordId: person.id,
        orgId: person.org_id,
        ip: meta.ip ?? null,
        fields: ['nationality', 'birth_year', ...(origin?.source === 'reception' ? ['staying_place'] : [])],
        details: { need: query.need, count: ranked.length },
      });
      return {
        origin,
        excludedIneligible: all.length - eligible.length,
        items: ranked.map(({ c, km }) => ({
          id: c.id,
          name: c.name,
          organisation: c.organisation,
          city: c.city,
          state: c.state,
          distanceKm: km === null ? null : Math.round(km),
          acceptsReferrals: c.accepts_referrals,
          phones: c.phones,
          email: c.email,
          eligibility: c.eligibility_description,
        })),
      };
    },
  };
}
