// Built-in roles. What each may do is in policy-grants.ts; the UI labels are in translation files.
export const roles = [
  'admin',
  'coordinator',
  'caseworker',
  'lawyer',
  'documentation_officer',
  'search_committee',
  'analyst',
] as const;
export type Role = (typeof roles)[number];

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}

/** Roles that see personal data; by default they must use two-factor authentication. */
export const rolesSeeingPersonalData: readonly Role[] = [
  'admin',
  'coordinator',
  'caseworker',
  'lawyer',
  'documentation_officer',
  'search_committee',
];
