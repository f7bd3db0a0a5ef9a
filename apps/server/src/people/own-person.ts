// The one way other modules reach a person record: a person of the actor's own organisation
// that the actor may read or change. Another organisation's person is "not found"; a person the
// role may not touch is "denied".
import { can, type Actor } from '@acompana/core';
import type { Queryable } from '../kernel/db/database.ts';
import { AppError } from '../kernel/errors.ts';
import { findPerson, type PersonRow } from './people.queries.ts';

export async function ownPersonFor(
  db: Queryable,
  actor: Actor,
  action: 'read' | 'update',
  personId: string,
  options: { field?: string } = {},
): Promise<PersonRow> {
  const person = await findPerson(db, personId);
  if (!person || person.org_id !== actor.orgId)
    throw new AppError('record.not_found', options.field ? { field: options.field } : {});
  if (
    !can(actor, action, {
      type: 'person',
      orgId: person.org_id,
      ownerId: person.owner_account_id,
      teamId: person.team_id,
    })
  )
    throw new AppError('policy.denied');
  return person;
}
