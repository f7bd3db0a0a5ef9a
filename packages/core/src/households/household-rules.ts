// The rules a household's members must keep, checked before anything is written. Ages come
// from the birth year (in clear on the person record); a member whose age is unknown is
// neither a known child nor a known adult. Every problem names the field it is about.
import { ADULT_AGE } from '../people/profile.ts';
import type { Relationship } from './household.schemas.ts';

export interface MemberFacts {
  personId: string;
  relationship: Relationship;
  responsibleAdultId?: string | null | undefined;
  /** Age reached this year, or null when the birth year is unknown. */
  age: number | null;
}

export type HouseholdIssueCode =
  | 'households.reference_required'
  | 'households.one_reference'
  | 'households.duplicate_member'
  | 'households.own_responsible_adult'
  | 'households.responsible_not_member'
  | 'households.responsible_not_adult'
  | 'households.child_as_guardian';

export interface HouseholdIssue {
  code: HouseholdIssueCode;
  field: string;
  params?: Record<string, string>;
}

const isChild = (age: number | null) => age !== null && age < ADULT_AGE;
const isAdult = (age: number | null) => age !== null && age >= ADULT_AGE;
/** Relationships in which the member is responsible for the reference person. */
const caresForReference: readonly Relationship[] = ['parent', 'guardian', 'grandparent'];
/** Relationships in which the reference person is responsible for the member. */
const caredByReference: readonly Relationship[] = ['child', 'ward', 'grandchild'];

/** Problems with a whole set of members (creation, or the set after a change). `path` prefixes fields. */
export function householdIssues(members: readonly MemberFacts[], path = 'members'): HouseholdIssue[] {
  const issues: HouseholdIssue[] = [];
  const references = members.filter((m) => m.relationship === 'self');
  if (references.length === 0) issues.push({ code: 'households.reference_required', field: `${path}[0].relationship` });
  if (references.length > 1)
    issues.push({
      code: 'households.one_reference',
      field: `${path}[${members.lastIndexOf(references[1] as MemberFacts)}].relationship`,
    });
  const byId = new Map<string, MemberFacts>();
  members.forEach((m, i) => {
    if (byId.has(m.personId)) issues.push({ code: 'households.duplicate_member', field: `${path}[${i}].personId` });
    byId.set(m.personId, m);
  });
  const reference = references[0];
  members.forEach((m, i) => {
    // A child cannot be the parent or guardian of an adult reference person, nor an adult the
    // child or ward of a child reference person.
    if (reference && m !== reference) {
      if (caresForReference.includes(m.relationship) && isChild(m.age) && isAdult(reference.age)) {
        issues.push({
          code: 'households.child_as_guardian',
          field: `${path}[${i}].relationship`,
          params: { relationship: m.relationship },
        });
      }
      if (caredByReference.includes(m.relationship) && isAdult(m.age) && isChild(reference.age)) {
        issues.push({
          code: 'households.child_as_guardian',
          field: `${path}[${i}].relationship`,
          params: { relationship: m.relationship },
        });
      }
    }
    const adultId = m.responsibleAdultId;
    if (!adultId) return;
    const field = `${path}[${i}].responsibleAdultId`;
    if (adultId === m.personId) issues.push({ code: 'households.own_responsible_adult', field });
    else if (!byId.has(adultId) && !members.some((x) => x.personId === adultId))
      issues.push({ code: 'households.responsible_not_member', field });
    else {
      const adult = members.find((x) => x.personId === adultId) as MemberFacts;
      if (!isAdult(adult.age))
        issues.push({
          code: 'households.responsible_not_adult',
          field,
          params: { age: adult.age === null ? '?' : String(adult.age) },
        });
    }
  });
  return issues;
}
