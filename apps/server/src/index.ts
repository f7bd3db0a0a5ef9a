// What the CLI and the benchmarks may use of the server: opening a deployment and its services.
export { loadConfig, type AppConfig } from './kernel/config.ts';
export { openRuntime, type Runtime } from './bootstrap.ts';
export { buildApp } from './app.ts';
export { AppError, isAppError } from './kernel/errors.ts';
export { translate, type Locale } from './kernel/i18n/translate.ts';
export { verifyAuditChain, sealAndVerifyAuditChain } from './audit/audit-log.ts';
export { rotateOrgDataKey, rewrapUnderNewMasterKey } from './kernel/crypto/key-rotation.ts';
export {
  generateMasterKeyText,
  loadOrCreateMasterKey,
  parseMasterKey,
  promotePendingMasterKey,
  writeKeyFile,
  MASTER_KEY_FILE,
  PENDING_MASTER_KEY_FILE,
} from './kernel/crypto/master-key.ts';
export { findOrganisationBySlug } from './orgs/orgs.queries.ts';
export { isDatabaseEmpty, seedDemo } from './demo/seed-demo.ts';
export { otpauthUrl } from './auth/totp.ts';
export { backupToFile, writeBackup, type BackupReport } from './backup/backup.ts';
export { backupSocketPath, backupThroughServer } from './backup/online-backup.ts';
export {
  checkBackupFile,
  restoreBackup,
  restoreFromFile,
  type RestoreOptions,
  type RestoreReport,
} from './backup/restore.ts';
