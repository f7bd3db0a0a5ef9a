export {
  can,
  decide,
  listScope,
  permissionsOf,
  type Actor,
  type Decision,
  type PolicyRecord,
  type SharingGrant,
} from './policy.ts';
export {
  actions,
  recordTypes,
  scopes,
  sharingPurposeOf,
  type Action,
  type RecordType,
  type Scope,
} from './policy-grants.ts';
export { isRole, roles, rolesSeeingPersonalData, type Role } from './roles.ts';
export {
  isSharingPurpose,
  personShareableFields,
  sharedPersonFields,
  sharingPurposeIds,
  sharingPurposes,
  type PersonShareableField,
  type SharingPurpose,
  type SharingPurposeId,
} from './sharing-purposes.ts';
