// Integers a request may carry, bounded to what both databases store: PostgreSQL (and PGlite)
// `integer` is four bytes, and a larger number sent in a request would fail in SQL as a 500
// instead of a 400 naming the field. Every request schema's integer uses these bounds
// (tests/security/integer-bounds.test.ts checks every route).
import { z } from 'zod';

export const INT4_MIN = -2_147_483_648;
export const INT4_MAX = 2_147_483_647;

/** Any integer an `integer` column holds. */
export const int4Schema = z.number().int().min(INT4_MIN).max(INT4_MAX);

/** The version of a record an editor read (optimistic concurrency): 1 or more. */
export const versionSchema = z.number().int().min(1).max(INT4_MAX);
