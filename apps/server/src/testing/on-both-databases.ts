// Runs a suite once per database kind (PGlite and PostgreSQL), each with its own fresh harness.
import { after, before, describe } from 'node:test';
import { startHarness, type HarnessOptions, type TestHarness } from './test-harness.ts';
import { testDatabaseKinds, type DatabaseKind } from './test-database.ts';

const kinds = await testDatabaseKinds();

type SuiteBody = (h: () => TestHarness, kind: DatabaseKind) => void;

/** `options` (before the body) start each harness differently, e.g. with the session cache off. */
export function describeOnBothDatabases(title: string, options: HarnessOptions, body: SuiteBody): void;
export function describeOnBothDatabases(title: string, body: SuiteBody): void;
export function describeOnBothDatabases(
  title: string,
  bodyOrOptions: SuiteBody | HarnessOptions,
  maybeBody?: SuiteBody,
): void {
  const [options, body] =
    typeof bodyOrOptions === 'function' ? [{}, bodyOrOptions] : [bodyOrOptions, maybeBody as SuiteBody];
  for (const kind of kinds) {
    describe(`${title} [${kind}]`, () => {
      let harness: TestHarness | undefined;
      before(async () => {
        harness = await startHarness(kind, options);
      });
      after(async () => {
        await harness?.close();
      });
      body(() => {
        if (!harness) throw new Error('harness not started');
        return harness;
      }, kind);
    });
  }
}

export { kinds as databaseKinds };
