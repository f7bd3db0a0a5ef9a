// Runs a suite once per database kind (PGlite and PostgreSQL), each with its own fresh harness.
import { after, before, describe } from 'node:test';
import { startHarness, type TestHarness } from './test-harness.ts';
import { testDatabaseKinds, type DatabaseKind } from './test-database.ts';

const kinds = await testDatabaseKinds();

export function describeOnBothDatabases(title: string, body: (h: () => TestHarness, kind: DatabaseKind) => void): void {
  for (const kind of kinds) {
    describe(`${title} [${kind}]`, () => {
      let harness: TestHarness | undefined;
      before(async () => {
        harness = await startHarness(kind);
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
