// Payload types of the staff API. They are inferred from the zod schemas in @acompana/core that
// the server validates with, so web and server cannot drift apart. Imports here are type-only
// (erased by the build): no schema code reaches the browser bundle.
import type { z } from 'zod';
import type {
  auditVerifyResponseSchema,
  healthResponseSchema,
  loginResponseSchema,
  orgRefSchema,
  totpSetupResponseSchema,
} from '@acompana/core/api';
import type { Role } from '@acompana/core/roles';

export type { LoginRequest, Me } from '@acompana/core/api';
export type { Role };
export type OrgRef = z.infer<typeof orgRefSchema>;
export type LoginResponse = z.infer<typeof loginResponseSchema>;
export type TotpSetup = z.infer<typeof totpSetupResponseSchema>;
export type AuditVerification = z.infer<typeof auditVerifyResponseSchema>;
export type Health = z.infer<typeof healthResponseSchema>;

/** Every role, for code that must handle each one (e.g. its label). Checked against core's list. */
export const roles = [
  'admin',
  'coordinator',
  'caseworker',
  'lawyer',
  'documentation_officer',
  'search_committee',
  'analyst',
] as const satisfies readonly Role[];

// Fails to compile when core gains a role that this list (and so the translations) lacks.
type MissingRole = Exclude<Role, (typeof roles)[number]>;
const _everyRoleListed: [MissingRole] extends [never] ? true : never = true;
void _everyRoleListed;

/** One problem the server found in a request: its code, its message (translated) and the field it names. */
export interface ApiProblem {
  code: string;
  message: string;
  field?: string;
}

/**
 * The error body every API route returns: the first problem at the top and, when a request (a form)
 * has several, every one of them in `errors`, the first included.
 */
export interface ApiErrorBody extends ApiProblem {
  errors?: ApiProblem[];
}
