// What a suite needs from the machine (Chromium, a tmpfs mount, pg_dump). On a developer's machine a
// missing tool skips the suite with a loud warning; in CI (CI=true, or ACOMPANA_TEST_STRICT=true) it
// fails the run instead, so that a green CI always means every suite really ran.

export const strictRequirements = (): boolean =>
  process.env.CI === 'true' || process.env.ACOMPANA_TEST_STRICT === 'true';

/**
 * `missing` is null when the requirement is met, or why it is not. Returns the skip reason for
 * node:test's `skip` option (false when the suite can run); throws in strict mode.
 */
export function requirement(missing: string | null): string | false {
  if (!missing) return false;
  if (strictRequirements()) throw new Error(`${missing} — required when CI=true (ACOMPANA_TEST_STRICT)`);
  console.warn(`# ${missing}: suite SKIPPED`);
  return missing;
}
