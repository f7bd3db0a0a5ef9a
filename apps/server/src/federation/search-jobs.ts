// The transnational search on the job queue (decision 0151): every minute (and once at start-up)
// the sweep encodes what changed on this side for each agreement and the outbox delivers what is
// due; a reviewer's decision also asks for a delivery at once.
import type { AppContext } from '../app-context.ts';
import type { JobDefinition } from '../jobs/job-queue.ts';
import { createIdentityStore } from './identity.ts';
import { createOutbox } from './outbox.ts';
import { createFederatedSearch, DELIVER_JOB } from './search.service.ts';

export const SEARCH_SWEEP_JOB = 'federation.search';

export function createFederationJobs(ctx: Pick<AppContext, 'db' | 'audit' | 'clock' | 'config' | 'keyring'>) {
  const search = createFederatedSearch({
    db: ctx.db,
    keyring: ctx.keyring,
    audit: ctx.audit,
    clock: ctx.clock,
    deploymentName: ctx.config.deploymentName,
  });
  const outbox = createOutbox({
    db: ctx.db,
    audit: ctx.audit,
    clock: ctx.clock,
    identities: createIdentityStore({ db: ctx.db, keyring: ctx.keyring }),
    search,
  });
  const definitions: JobDefinition[] = [
    {
      kind: SEARCH_SWEEP_JOB,
      everyMinutes: 1,
      run: async () => {
        await search.sweep();
        await outbox.deliverDue();
      },
    },
    { kind: DELIVER_JOB, maxAttempts: 1, run: async () => void (await outbox.deliverDue()) },
  ];
  return { definitions, search, outbox };
}
