// What the portal and anyone reusing the directory read without logging in, made light for a cheap
// phone (docs/decisions/0133): the places that have services (a few hundred bytes, from which the
// portal draws its state choices and map), and every answer with a validator (a weak ETag over
// the JSON) and "revalidate each time" caching, so an unchanged page costs a 304 and no body.
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Queryable } from '../kernel/db/database.ts';

export interface PublicArea {
  state: string;
  country: string;
  services: number;
}

/**
 * One row per state or province (accents and case folded together) with how many listed services
 * have an address there.
 */
export async function publicAreas(db: Queryable): Promise<PublicArea[]> {
  const { rows } = await db.query<PublicArea>(
    `SELECT min(a.state_province) AS state, min(a.country) AS country, count(DISTINCT s.service_id)::int AS services
       FROM hsds_service_search s
       JOIN hsds_service_at_locations x ON x.service_id = s.service_id
       JOIN hsds_addresses a ON a.location_id = x.location_id
      GROUP BY hsds_fold(a.state_province)
      ORDER BY 1`,
  );
  return rows;
}

/** Public, shared caches may keep it, but must ask again each time (If-None-Match → 304). */
export const PUBLIC_REVALIDATE = 'public, no-cache';

/**
 * Sends body with a weak ETag (weak: the bytes differ between gzip, brotli and identity; the
 * content does not), or 304 with no body when the client already holds this version.
 */
export function sendValidated<T>(request: FastifyRequest, reply: FastifyReply, body: T): FastifyReply | T {
  const etag = `W/"${createHash('sha256').update(JSON.stringify(body)).digest('base64url').slice(0, 27)}"`;
  reply.header('etag', etag).header('cache-control', PUBLIC_REVALIDATE).header('vary', 'accept-encoding');
  const held = request.headers['if-none-match'];
  if (
    held &&
    (held.trim() === '*' || held.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag.slice(2)))
  ) {
    return reply.code(304).send();
  }
  return body;
}
