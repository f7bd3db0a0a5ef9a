// `npm run --silent acompana -- COMMAND …`: the operator's command line.
import { isAppError, translate, type Locale } from '@acompana/server';
import { parseArgs, UsageError } from './admin/cli-args.ts';
import { backupCommand, restoreCommand } from './backup/commands.ts';
import {
  auditVerifyCommand,
  keysRotateCommand,
  keysRotateMasterCommand,
  migrateCommand,
  seedDemoCommand,
  userCreateCommand,
  userInviteCommand,
  userResetCommand,
} from './admin/commands.ts';

const usage = `usage: acompana COMMAND
  migrate                                   apply database migrations
  user create --org SLUG --email E --password P --role ROLE [--name NAME] [--org-name NAME] [--no-2fa]
                                            create an account with a password chosen here (first set-up, tests;
                                            the operator knows the password: prefer user invite)
  user invite --org SLUG --email E --role ROLE [--name NAME] [--org-name NAME] [--lang es|en]
                                            print a single-use invitation link (7 days); the person chooses the
                                            password and sets up two-factor (creates the organisation if missing)
  user reset --email E [--clear-2fa]        clear the password, end sessions and calendar feed, print a reset
                                            link (24 h); --clear-2fa also removes two-factor and recovery codes
  audit verify                              check the audit hash chain; non-zero exit names the first bad entry
  keys rotate --org SLUG                    new data key for an organisation, re-encrypting its data
  keys rotate-master [--new-key KEY]        re-wrap every key under a new master key
  seed demo                                 add the synthetic demo organisations to an empty database
  backup --out FILE                         encrypted backup of the whole database into one file (mode 0600);
                                            works while the server runs (embedded database: through the server)
  restore --from FILE [--force]             restore a backup into a database of the same version and master key, in one
                                            transaction, with the server stopped; refuses one that has organisations
                                            unless --force (replaces everything)
Configuration comes from the same variables as the server: ACOMPANA_DATA_DIR, DATABASE_URL, ACOMPANA_MASTER_KEY.`;

const locale: Locale = (process.env.LC_ALL || process.env.LANG || '').startsWith('es') ? 'es' : 'en';

async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  const [command, sub] = args.positionals;
  switch (`${command ?? ''} ${sub ?? ''}`.trim()) {
    case 'migrate':
      return migrateCommand();
    case 'user create':
      return userCreateCommand(args);
    case 'user invite':
      return userInviteCommand(args);
    case 'user reset':
      return userResetCommand(args);
    case 'audit verify':
      return auditVerifyCommand();
    case 'keys rotate':
      return keysRotateCommand(args);
    case 'keys rotate-master':
      return keysRotateMasterCommand(args);
    case 'seed demo':
      return seedDemoCommand();
    case 'backup':
      return backupCommand(args);
    case 'restore':
      return restoreCommand(args);
    case 'help':
    case '':
      console.log(usage);
      return command ? 0 : 2;
    default:
      throw new UsageError(`unknown command "${args.positionals.join(' ')}"`);
  }
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) {
      console.error(`acompana: ${error.message}\n\n${usage}`);
      process.exit(2);
    }
    if (isAppError(error)) {
      console.error(
        `acompana: ${translate(locale, error.code, error.params)}${error.field ? ` (${error.field})` : ''}`,
      );
      process.exit(error.code === 'database.data_dir_in_use' ? 75 : 1);
    }
    console.error('acompana: unexpected error:', error);
    process.exit(1);
  },
);
