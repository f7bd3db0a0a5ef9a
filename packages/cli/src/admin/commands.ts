// The operator's commands. Each opens the deployment the way the server does (same
// configuration variables), does one thing, and closes it.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  findOrganisationBySlug,
  generateMasterKeyText,
  isDatabaseEmpty,
  loadConfig,
  loadOrCreateMasterKey,
  MASTER_KEY_FILE,
  openRuntime,
  otpauthUrl,
  parseMasterKey,
  PENDING_MASTER_KEY_FILE,
  promotePendingMasterKey,
  rewrapUnderNewMasterKey,
  rotateOrgDataKey,
  seedDemo,
  sealAndVerifyAuditChain,
  writeKeyFile,
  type Runtime,
} from '@acompana/server';
import { requireOption, UsageError, type ParsedArgs } from './cli-args.ts';

async function withRuntime<T>(purpose: string, fn: (runtime: Runtime) => Promise<T>): Promise<T> {
  const runtime = await openRuntime(loadConfig(), { purpose: `acompana ${purpose}` });
  try {
    return await fn(runtime);
  } finally {
    await runtime.close();
  }
}

export async function migrateCommand(): Promise<number> {
  return withRuntime('migrate', async () => {
    console.log('database is up to date');
    return 0;
  });
}

export async function userCreateCommand(args: ParsedArgs): Promise<number> {
  const slug = requireOption(args, 'org');
  const email = requireOption(args, 'email');
  const password = requireOption(args, 'password');
  const role = requireOption(args, 'role');
  const noTotp = args.options.get('no-2fa') === true;
  return withRuntime('user create', async ({ ctx }) => {
    const orgName = args.options.get('org-name');
    const orgId = await ctx.accounts.ensureOrganisation({ slug, name: typeof orgName === 'string' ? orgName : slug });
    const name = args.options.get('name');
    const created = await ctx.accounts.createAccount({
      orgId,
      email,
      password,
      role,
      totpExempt: noTotp,
      ...(typeof name === 'string' ? { displayName: name } : {}),
    });
    console.log(`account ${created.accountId} created: ${email} (${role}) in ${slug}`);
    if (created.totpSecret) {
      console.log(`two-factor secret (shown once; add it to an authenticator app): ${created.totpSecret}`);
      console.log(otpauthUrl(created.totpSecret, email));
    }
    return 0;
  });
}

/**
 * The first administrator, or anyone, without e-mail: an invitation whose link is printed for the
 * operator to hand over. The invitee chooses the password and sets up two-factor; the operator
 * never knows either (docs/decisions/0129-accounts-only-the-owner-controls.md).
 */
export async function userInviteCommand(args: ParsedArgs): Promise<number> {
  const slug = requireOption(args, 'org');
  const email = requireOption(args, 'email');
  const role = requireOption(args, 'role');
  const lang = args.options.get('lang');
  return withRuntime('user invite', async ({ ctx }) => {
    const orgName = args.options.get('org-name');
    const orgId = await ctx.accounts.ensureOrganisation({ slug, name: typeof orgName === 'string' ? orgName : slug });
    const name = args.options.get('name');
    const invited = await ctx.invitations.invite(
      {
        orgId,
        email,
        role,
        displayName: typeof name === 'string' ? name : (email.split('@')[0] ?? email),
        locale: lang === 'en' ? 'en' : 'es',
      },
      { accountId: null },
      'print',
    );
    console.log(`invitation for ${email} (${role}) in ${slug}, valid until ${invited.expiresAt.toISOString()}, once:`);
    console.log(invited.link);
    console.log('Give this link only to that person: whoever opens it chooses the password.');
    return 0;
  });
}

/**
 * Recovery: the owner lost the password (and with --clear-2fa also the phone and the recovery
 * codes). The password is cleared, sessions and calendar feed end, and a reset link is printed.
 */
export async function userResetCommand(args: ParsedArgs): Promise<number> {
  const email = requireOption(args, 'email').trim().toLowerCase();
  const clearSecondFactor = args.options.get('clear-2fa') === true;
  return withRuntime('user reset', async ({ ctx, db }) => {
    const { rows } = await db.query<{ id: string }>('SELECT id::text AS id FROM accounts WHERE email = $1', [email]);
    const account = rows[0];
    if (!account) throw new UsageError(`no account with the e-mail "${email}"`);
    const reset = await ctx.passwordResets.forceReset(
      account.id,
      { accountId: null, orgId: null },
      { clearSecondFactor, delivery: 'print' },
    );
    console.log(
      `password of ${email} cleared${clearSecondFactor ? ', two-factor and recovery codes removed' : ''}; sessions and calendar feed ended.`,
    );
    console.log(`reset link, valid until ${reset.expiresAt.toISOString()}, once:`);
    console.log(reset.link);
    return 0;
  });
}

export async function auditVerifyCommand(): Promise<number> {
  return withRuntime('audit verify', async ({ ctx }) => {
    const result = await sealAndVerifyAuditChain(ctx.db, ctx.keyring.systemKey('audit'));
    if (result.ok) {
      console.log(`audit chain intact: ${result.checked} entries verified`);
      return 0;
    }
    console.error(
      `audit chain BROKEN at entry ${result.firstBadSeq} (${result.reason}); ${result.checked} entries before it verified`,
    );
    return 3;
  });
}

export async function keysRotateCommand(args: ParsedArgs): Promise<number> {
  const slug = requireOption(args, 'org');
  return withRuntime('keys rotate', async ({ ctx, db }) => {
    const org = await findOrganisationBySlug(db, slug);
    if (!org) throw new UsageError(`unknown organisation "${slug}"`);
    const report = await rotateOrgDataKey(db, ctx.keyring, org.id);
    console.log(
      `organisation ${slug}: data key version ${report.newVersion} is now current; ${report.reencrypted} values re-encrypted`,
    );
    return 0;
  });
}

/**
 * Master-key rotation. With a key file: a new key is written to master.key.new first (durably),
 * the database is re-wrapped in one transaction, then the new file replaces the old one; a crash
 * at any point leaves a consistent pair (the server finishes the swap at start-up).
 * With ACOMPANA_MASTER_KEY: pass --new-key and update the environment afterwards.
 */
export async function keysRotateMasterCommand(args: ParsedArgs): Promise<number> {
  const config = loadConfig();
  const newKeyArg = args.options.get('new-key');
  if (config.masterKey && typeof newKeyArg !== 'string')
    throw new UsageError('the master key comes from ACOMPANA_MASTER_KEY: pass --new-key KEY');
  const newKeyText = typeof newKeyArg === 'string' ? newKeyArg : generateMasterKeyText();
  const pendingPath = join(config.dataDir, PENDING_MASTER_KEY_FILE);
  if (!config.masterKey) {
    if (existsSync(pendingPath))
      throw new UsageError(
        `${pendingPath} exists: a previous rotation did not finish; start the server once to complete it`,
      );
    writeKeyFile(pendingPath, newKeyText);
  }
  return withRuntime('keys rotate-master', async ({ db }) => {
    const oldKey = loadOrCreateMasterKey({ masterKey: config.masterKey, dataDir: config.dataDir }).key;
    const count = await rewrapUnderNewMasterKey(db, oldKey, parseMasterKey(newKeyText));
    if (config.masterKey) {
      console.log(
        `${count} keys re-wrapped. Set ACOMPANA_MASTER_KEY to the new key now; the old one no longer opens this database.`,
      );
    } else {
      promotePendingMasterKey(config.dataDir);
      console.log(
        `${count} keys re-wrapped; ${join(config.dataDir, MASTER_KEY_FILE)} holds the new key. Back it up: without it the data cannot be read.`,
      );
    }
    return 0;
  });
}

export async function seedDemoCommand(): Promise<number> {
  return withRuntime('seed demo', async ({ ctx }) => {
    if (!(await isDatabaseEmpty(ctx))) {
      console.log('the database already has organisations; demo data not added');
      return 0;
    }
    await seedDemo(ctx);
    console.log('demo data created');
    return 0;
  });
}
