// Opening a deployment: database (embedded or server), migrations, master key, keyring, and the
// demo data on an empty embedded database. Shared by the server and the CLI.
import { sealAuditLog } from './audit/audit-seal.ts';
import type { AppConfig } from './kernel/config.ts';
import { openDatabase } from './kernel/db/open-database.ts';
import { migrate } from './kernel/db/migrate.ts';
import { localClusterSignals, postgresClusterSignals } from './kernel/db/cluster-signals.ts';
import { primaryOnly, withReplica } from './kernel/db/read-routing.ts';
import type { Database } from './kernel/db/database.ts';
import { Keyring } from './kernel/crypto/keyring.ts';
import {
  loadOrCreateMasterKey,
  masterKeyId,
  pendingMasterKey,
  promotePendingMasterKey,
} from './kernel/crypto/master-key.ts';
import { createAppContext, type AppContext } from './app-context.ts';
// Every module that stores encrypted columns registers them for key rotation when its crypto
// module loads. Importing them here makes the CLI's `keys rotate` cover them too, without the
// HTTP app being built.
import './people/person-crypto.ts';
import './people/profile.service.ts';
import './people/photo.service.ts';
import './households/household-crypto.ts';
import './screening/screening.service.ts';
import './missing/missing-crypto.ts';
import './missing/tracing-crypto.ts';
import './incidents/incident-crypto.ts';
import './referrals/referral-crypto.ts';
import './cases/case-crypto.ts';
import './reports/report-crypto.ts';
import './federation/federation-crypto.ts';
// Likewise every module that holds data about a person registers its export and erasure
// handler (decision 0118), so a person's rights reach every module from the server and the CLI.
import './people/profile-person-data.ts';
import './screening/screening-person-data.ts';
import './households/household-person-data.ts';
import './cases/case-person-data.ts';
import './procedures/procedure-person-data.ts';
import './referrals/referral-person-data.ts';
import './incidents/incident-person-data.ts';
import './reintegration/reintegration-person-data.ts';
import './families/family-person-data.ts';
import './federation/federation-person-data.ts';
import './reintegration/reintegration-crypto.ts';
import { encryptPortsOfEntry } from './reintegration/port-of-entry.ts';

export interface Runtime {
  ctx: AppContext;
  db: Database;
  masterKeyOrigin: string;
  close(): Promise<void>;
}

async function resolveMasterKey(db: Database, config: AppConfig): Promise<{ key: Buffer; origin: string }> {
  const source = loadOrCreateMasterKey({ masterKey: config.masterKey, dataDir: config.dataDir });
  if (source.origin !== 'env') {
    // A master-key rotation may have stopped after the database switched to the new key but
    // before the key file was replaced: finish it now.
    const pending = pendingMasterKey(config.dataDir);
    const { rows } = await db.query<{ master_key_id: string }>('SELECT master_key_id FROM deployment WHERE id = 1');
    if (pending && rows[0]?.master_key_id === masterKeyId(pending)) {
      promotePendingMasterKey(config.dataDir);
      return { key: pending, origin: source.origin };
    }
  }
  return { key: source.key, origin: source.origin };
}

export interface RuntimeOptions {
  purpose?: string;
  clock?: () => Date;
  /** An already opened database (tests use an in-memory PGlite or a fresh PostgreSQL database). */
  database?: Database;
  /**
   * Hear the other app processes of the deployment (cache invalidation through PostgreSQL
   * LISTEN/NOTIFY): the server does; a CLI command or a test harness is alone and does not.
   */
  listen?: boolean;
}

export async function openRuntime(config: AppConfig, options: RuntimeOptions = {}): Promise<Runtime> {
  const db = options.database ?? (await openDatabase(config, options.purpose ?? 'server'));
  try {
    await migrate(db);
    const master = await resolveMasterKey(db, config);
    const keyring = await Keyring.open(db, master.key);
    // Ports of entry written in clear before migration 0036 are encrypted now (decision 0128).
    await encryptPortsOfEntry(db, keyring);
    const signals =
      options.listen && config.databaseUrl
        ? postgresClusterSignals(config.databaseUrl, {
            onError: (error) => console.warn(`cluster signals: ${error.message}`),
          })
        : localClusterSignals();
    // The server reads dashboards and searches from a streaming replica when one is configured.
    const reads =
      options.listen && config.databaseReplicaUrl && db.kind === 'postgres'
        ? await withReplica(db, config.databaseReplicaUrl, {
            onChange: (state) => console.log(`Read replica: ${state}`),
          })
        : primaryOnly(db);
    const ctx = createAppContext({
      config,
      db,
      keyring,
      signals,
      reads,
      ...(options.clock ? { clock: options.clock } : {}),
    });
    // Entries appended by this process are chained before the database closes (a CLI command, a
    // server shutting down); whatever a crash leaves unsealed is sealed by the next sealer.
    const close = async () => {
      await sealAuditLog(db, keyring.systemKey('audit'), { timeoutMs: 2000 }).catch(() => undefined);
      await signals.close();
      await reads.close();
      await db.close();
    };
    return { ctx, db, masterKeyOrigin: master.origin, close };
  } catch (error) {
    await db.close();
    throw error;
  }
}
