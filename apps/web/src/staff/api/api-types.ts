// Payload types of the staff API, as agreed with the server. When the server publishes its zod
// schemas as a shared package, these become imports of the inferred types.
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

export interface OrgRef {
  id: string;
  slug: string;
  name: string;
}

export interface Membership {
  org: OrgRef;
  role: string;
  teams: { id: string; name: string }[];
}

export interface Me {
  account: { id: string; email: string; displayName: string; locale: string };
  activeOrg: OrgRef | null;
  role: string | null;
  memberships: Membership[];
  csrfToken: string;
  totpEnrolled: boolean;
  mustEnrollTotp: boolean;
}

export interface LoginRequest {
  email: string;
  password: string;
  totp?: string;
}

export interface LoginResponse {
  csrfToken: string;
  me: Me;
}

export interface TotpSetup {
  secret: string;
  otpauthUrl: string;
}

export interface AuditVerification {
  ok: boolean;
  checked: number;
  firstBadId?: string;
  reason?: string;
}

export interface Health {
  status: 'ok';
  database: 'pglite' | 'postgres';
  version: string;
}

/** The error body every API route returns. */
export interface ApiErrorBody {
  code: string;
  message: string;
  field?: string;
}
