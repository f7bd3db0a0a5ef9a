// The permission table: for each role, record type and action, the scopes in which it is allowed.
//   own    - the actor owns (is assigned to) the record
//   team   - the record belongs to one of the actor's teams
//   org    - the record belongs to the actor's active organisation
//   shared - the record belongs to another organisation that shares it with the actor's
//            organisation under an agreement for that purpose, and the person consented to it
// Anything not listed is denied. Sharing only ever grants reading.
import type { Role } from './roles.ts';

export const recordTypes = [
  'person',
  'case',
  'procedure',
  'incident',
  'missing_report',
  'referral',
  'directory_entry',
  'statistics',
  'account',
  'membership',
  'org_settings',
  'sharing_agreement',
  'audit_log',
  'portal_content',
] as const;
export type RecordType = (typeof recordTypes)[number];

export const actions = ['read', 'create', 'update', 'delete', 'export'] as const;
export type Action = (typeof actions)[number];

export const scopes = ['own', 'team', 'org', 'shared'] as const;
export type Scope = (typeof scopes)[number];

/** Which sharing purpose lets a partner read a record type (see sharing_agreements.purposes). */
export const sharingPurposeOf: Partial<Record<RecordType, string>> = {
  person: 'search',
  missing_report: 'search',
  referral: 'referral',
  directory_entry: 'directory',
};

type Grants = Partial<Record<RecordType, Partial<Record<Action, readonly Scope[]>>>>;

const ORG = ['own', 'team', 'org'] as const;
const TEAM = ['own', 'team'] as const;
const ORG_SHARED = ['own', 'team', 'org', 'shared'] as const;

const everythingInOrg = { read: ORG, create: ORG, update: ORG, delete: ORG, export: ORG };

export const grants: Record<Role, Grants> = {
  admin: {
    person: { ...everythingInOrg, read: ORG_SHARED },
    case: everythingInOrg,
    procedure: everythingInOrg,
    incident: everythingInOrg,
    missing_report: { ...everythingInOrg, read: ORG_SHARED },
    referral: { ...everythingInOrg, read: ORG_SHARED },
    directory_entry: { ...everythingInOrg, read: ORG_SHARED },
    // create: prepare and publish a network statistics release (decision 0127).
    statistics: { read: ORG, create: ORG, export: ORG },
    account: { read: ORG, create: ORG, update: ORG, delete: ORG },
    membership: { read: ORG, create: ORG, update: ORG, delete: ORG },
    org_settings: { read: ORG, update: ORG },
    sharing_agreement: { read: ORG, create: ORG, update: ORG, delete: ORG },
    audit_log: { read: ORG, export: ORG },
    portal_content: { read: ORG, create: ORG, update: ORG },
  },
  coordinator: {
    person: { read: ORG_SHARED, create: ORG, update: ORG, export: ORG },
    case: { read: ORG, create: ORG, update: ORG, export: ORG },
    procedure: { read: ORG, create: ORG, update: ORG, export: ORG },
    incident: { read: ORG, create: ORG, update: ORG, export: ORG },
    missing_report: { read: ORG_SHARED, create: ORG, update: ORG, export: ORG },
    referral: { read: ORG_SHARED, create: ORG, update: ORG, export: ORG },
    directory_entry: { read: ORG_SHARED, create: ORG, update: ORG, delete: ORG },
    statistics: { read: ORG, create: ORG, export: ORG },
    account: { read: ORG },
    membership: { read: ORG },
    org_settings: { read: ORG },
    sharing_agreement: { read: ORG },
    portal_content: { read: ORG, create: ORG, update: ORG },
  },
  caseworker: {
    // The caseworker does the intake: a partner's record of the same person, shared under an
    // agreement and with the person's consent, must be visible to link it (decision 0136).
    person: { read: ORG_SHARED, create: ORG, update: TEAM, export: ['own'] },
    case: { read: TEAM, create: ORG, update: TEAM },
    procedure: { read: TEAM },
    referral: { read: TEAM, create: TEAM, update: TEAM },
    directory_entry: { read: ORG_SHARED },
    statistics: { read: ORG },
  },
  lawyer: {
    person: { read: ORG, update: TEAM },
    case: { read: TEAM, update: TEAM },
    procedure: { read: TEAM, create: TEAM, update: TEAM, delete: ['own'], export: TEAM },
    referral: { read: TEAM, create: TEAM },
    directory_entry: { read: ORG_SHARED },
    statistics: { read: ORG },
  },
  documentation_officer: {
    person: { read: TEAM },
    incident: { read: ORG, create: ORG, update: ORG, export: ORG },
    directory_entry: { read: ORG_SHARED },
    statistics: { read: ORG, export: ORG },
  },
  search_committee: {
    person: { read: ['shared'] },
    missing_report: { read: ORG_SHARED, create: ORG, update: ORG, export: TEAM },
    directory_entry: { read: ORG_SHARED },
    statistics: { read: ORG },
  },
  analyst: {
    directory_entry: { read: ORG_SHARED },
    statistics: { read: ORG, export: ORG },
  },
};
