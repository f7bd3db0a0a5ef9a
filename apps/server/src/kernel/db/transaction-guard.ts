// Catches the outer database handle used inside a transaction. Inside `db.transaction(fn)` every
// statement must go through `tx`: on the embedded database a query on `db` waits for the one
// connection that the transaction itself holds, so the request hangs forever; on PostgreSQL it runs
// on another connection, outside the transaction, and sees or writes a different state. Both are
// bugs that used to show only as a hang or a rare inconsistency; now they fail at once, naming it.
import { AsyncLocalStorage } from 'node:async_hooks';

interface OpenTransaction {
  open: boolean;
}

const current = new AsyncLocalStorage<OpenTransaction>();

export class OuterHandleInTransactionError extends Error {
  constructor(what: string) {
    super(`database ${what} on the outer handle inside a transaction: use the transaction's \`tx\``);
    this.name = 'OuterHandleInTransactionError';
  }
}

/** Throws when called from code running inside a still-open transaction of the same database. */
export function assertOutsideTransaction(what: string): void {
  if (current.getStore()?.open) throw new OuterHandleInTransactionError(what);
}

/** Runs fn as the body of a transaction: the outer handle refuses work until fn has settled. */
export async function asTransactionBody<T>(fn: () => Promise<T>): Promise<T> {
  const marker: OpenTransaction = { open: true };
  try {
    return await current.run(marker, fn);
  } finally {
    // Work that fn started and did not wait for (a detached promise) may use the outer handle
    // once the transaction is over.
    marker.open = false;
  }
}
