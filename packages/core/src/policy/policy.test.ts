// Table-driven test of the whole permission matrix: every role × record type × action × the
// relation of the record to the actor. The expected matrix is written here independently of
// policy-grants.ts, as the reviewable statement of who may do what.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { can, listScope, type Actor, type PolicyRecord } from './policy.ts';
import { actions, recordTypes, type Action, type RecordType } from './policy-grants.ts';
import { roles } from './roles.ts';

// Letters: o = own records, t = team records, g = whole organisation, s = shared by partners.
// "-" = never. Columns: read create update delete export.
const expected = `
admin        person            otgs otg  otg  otg  otg
admin        case              otg  otg  otg  otg  otg
admin        procedure         otg  otg  otg  otg  otg
admin        incident          otg  otg  otg  otg  otg
admin        missing_report    otgs otg  otg  otg  otg
admin        referral          otgs otg  otg  otg  otg
admin        directory_entry   otgs otg  otg  otg  otg
admin        statistics        otg  otg  -    -    otg
admin        account           otg  otg  otg  otg  -
admin        membership        otg  otg  otg  otg  -
admin        org_settings      otg  -    otg  -    -
admin        sharing_agreement otg  otg  otg  otg  -
admin        audit_log         otg  -    -    -    otg
admin        portal_content    otg  otg  otg  -    -
coordinator  person            otgs otg  otg  -    otg
coordinator  case              otg  otg  otg  -    otg
coordinator  procedure         otg  otg  otg  -    otg
coordinator  incident          otg  otg  otg  -    otg
coordinator  missing_report    otgs otg  otg  -    otg
coordinator  referral          otgs otg  otg  -    otg
coordinator  directory_entry   otgs otg  otg  otg  -
coordinator  statistics        otg  otg  -    -    otg
coordinator  account           otg  -    -    -    -
coordinator  membership        otg  -    -    -    -
coordinator  org_settings      otg  -    -    -    -
coordinator  sharing_agreement otg  -    -    -    -
coordinator  audit_log         -    -    -    -    -
coordinator  portal_content    otg  otg  otg  -    -
caseworker   person            otgs otg  ot   -    o
caseworker   case              ot   otg  ot   -    -
caseworker   procedure         ot   -    -    -    -
caseworker   incident          -    -    -    -    -
caseworker   missing_report    -    -    -    -    -
caseworker   referral          ot   ot   ot   -    -
caseworker   directory_entry   otgs -    -    -    -
caseworker   statistics        otg  -    -    -    -
lawyer       person            otg  -    ot   -    -
lawyer       case              ot   -    ot   -    -
lawyer       procedure         ot   ot   ot   o    ot
lawyer       incident          -    -    -    -    -
lawyer       missing_report    -    -    -    -    -
lawyer       referral          ot   ot   -    -    -
lawyer       directory_entry   otgs -    -    -    -
lawyer       statistics        otg  -    -    -    -
documentation_officer person   ot   -    -    -    -
documentation_officer incident otg  otg  otg  -    otg
documentation_officer missing_report - - -    -    -
documentation_officer directory_entry otgs - - -   -
documentation_officer statistics otg -    -    -    otg
search_committee person        s    -    -    -    -
search_committee missing_report otgs otg otg  -    ot
search_committee directory_entry otgs -  -    -    -
search_committee statistics    otg  -    -    -    -
analyst      directory_entry   otgs -    -    -    -
analyst      statistics        otg  -    -    -    otg
`;

type Cell = Set<string>;
const matrix = new Map<string, Cell>();
for (const line of expected.trim().split('\n')) {
  const [role, type, ...cells] = line.trim().split(/\s+/);
  assert.equal(cells.length, actions.length, `malformed expectation line: ${line}`);
  cells.forEach((cell, i) => matrix.set(`${role}/${type}/${actions[i]}`, new Set(cell === '-' ? [] : cell.split(''))));
}

const ORG = 'org-a';
const PARTNER = 'org-b';
const STRANGER = 'org-c';
const ME = 'acct-me';
const MY_TEAM = 'team-mine';

function actorWith(role: string): Actor {
  return {
    accountId: ME,
    orgId: ORG,
    role,
    teamIds: [MY_TEAM],
    sharing: [{ fromOrgId: PARTNER, purposes: ['search', 'referral', 'directory'] }],
  };
}

const purposes = ['search', 'referral', 'directory'];
// Each situation: how the record relates to the actor, and which letters allow it.
const situations: {
  name: string;
  record: (type: RecordType) => PolicyRecord;
  allowedBy: string[];
  readOnly?: boolean;
}[] = [
  {
    name: 'own record',
    record: (type) => ({ type, orgId: ORG, ownerId: ME, teamId: 'team-other' }),
    allowedBy: ['o', 'g'],
  },
  {
    name: 'team record',
    record: (type) => ({ type, orgId: ORG, ownerId: 'acct-x', teamId: MY_TEAM }),
    allowedBy: ['t', 'g'],
  },
  {
    name: 'organisation record',
    record: (type) => ({ type, orgId: ORG, ownerId: 'acct-x', teamId: 'team-other' }),
    allowedBy: ['g'],
  },
  {
    name: 'partner record with agreement and consent',
    record: (type) => ({ type, orgId: PARTNER, ownerId: 'acct-x', consentedPurposes: purposes }),
    allowedBy: ['s'],
    readOnly: true,
  },
  {
    name: 'partner record without consent',
    record: (type) => ({ type, orgId: PARTNER, consentedPurposes: [] }),
    allowedBy: [],
  },
  {
    name: 'record of an organisation with no agreement',
    record: (type) => ({ type, orgId: STRANGER, consentedPurposes: purposes }),
    allowedBy: [],
  },
];

describe('the permission matrix', () => {
  for (const role of roles) {
    for (const type of recordTypes) {
      for (const action of actions) {
        const letters = matrix.get(`${role}/${type}/${action}`) ?? new Set<string>();
        for (const situation of situations) {
          let expectAllowed = situation.allowedBy.some((l) => letters.has(l));
          // Consent does not matter for directory entries: they describe services, not people.
          if (type === 'directory_entry' && situation.name === 'partner record without consent')
            expectAllowed = letters.has('s');
          if (situation.readOnly && action !== 'read') expectAllowed = false;
          it(`${role} ${expectAllowed ? 'may' : 'may not'} ${action} a ${type} (${situation.name})`, () => {
            assert.equal(can(actorWith(role), action, situation.record(type)), expectAllowed);
          });
        }
      }
    }
  }
});

describe('deny by default', () => {
  it('denies an actor without an active organisation', () => {
    assert.equal(can({ ...actorWith('admin'), orgId: null }, 'read', { type: 'person', orgId: ORG }), false);
  });
  it('denies an unknown role', () => {
    assert.equal(can(actorWith('superuser'), 'read', { type: 'statistics', orgId: ORG }), false);
  });
  it('denies a record type the grants do not know', () => {
    assert.equal(can(actorWith('admin'), 'read', { type: 'nuclear_codes' as RecordType, orgId: ORG }), false);
  });
  it('never lets sharing grant anything but reading, for any role and record', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...roles),
        fc.constantFrom(...recordTypes),
        fc.constantFrom(...actions),
        (role, type, action: Action) => {
          const record: PolicyRecord = {
            type,
            orgId: PARTNER,
            ownerId: ME,
            teamId: MY_TEAM,
            consentedPurposes: purposes,
          };
          if (action !== 'read') assert.equal(can(actorWith(role), action, record), false);
        },
      ),
    );
  });
  it('never lets the analyst see a record about a person', () => {
    for (const type of ['person', 'case', 'procedure', 'incident', 'missing_report', 'referral'] as const) {
      for (const action of actions)
        assert.equal(can(actorWith('analyst'), action, { type, orgId: ORG, ownerId: ME }), false);
    }
  });
});

describe('list scopes for SQL filters', () => {
  it('gives a caseworker team scope on cases and organisation scope on people', () => {
    assert.equal(listScope(actorWith('caseworker'), 'read', 'case'), 'team');
    assert.equal(listScope(actorWith('caseworker'), 'read', 'person'), 'org');
    assert.equal(listScope(actorWith('analyst'), 'read', 'person'), undefined);
  });
});
