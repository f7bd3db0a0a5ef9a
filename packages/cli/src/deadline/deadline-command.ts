// The deadline command: `npm run --silent deadline -- RULE YYYY-MM-DD [options]`.
// Contract: stdout gets ONE line, the due date (YYYY-MM-DD; an ISO instant for hour rules;
// `none` for rules without a deadline), computed with the shipped base calendars and no
// authority-declared days unless asked. Errors go to stderr with a non-zero exit code.
import { readFileSync } from 'node:fs';
import {
  computeDeadline,
  DeadlineError,
  listRules,
  type ComputeDeadlineInput,
  type DeadlineResult,
  type ExtraNonWorkingDay,
} from '@acompana/core';

export interface CommandIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export const DEADLINE_USAGE = `usage: npm run --silent deadline -- RULE TRIGGER [options]
  RULE      a rule id (see --list)
  TRIGGER   YYYY-MM-DD (notice, entry, decision; the hearing or expiry for rules counted backwards)
            YYYY-MM-DDTHH:MM or an ISO instant for rules counted in hours
options:
  --explain              also print the explanation, skipped days and legal basis
  --lang es|en           language of --explain (default es)
  --json                 print the whole result as JSON instead of the date
  --rule-version N       pin a rule version instead of the one in force at the trigger date
  --calendar ID          use another calendar (e.g. mx-federal-admin+segob, us-federal-dc)
  --extra-day DATE=SOURCE  add a declared non-working day (repeatable)
  --calendar-extra FILE  JSON array of {date, reason, source} declared non-working days
  --tz ZONE              IANA time zone of the office (e.g. America/Tijuana)
  --window OPENS..CLOSES window dates for rules whose window comes from a notice (TPS)
  --list                 list the known rules
`;

class UsageError extends Error {}

interface Options {
  input: ComputeDeadlineInput;
  explain: boolean;
  json: boolean;
  lang: 'es' | 'en';
}

function readExtraFile(path: string): ExtraNonWorkingDay[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new UsageError(`${path}: cannot read a JSON array of extra days (${(e as Error).message})`);
  }
  if (!Array.isArray(parsed)) throw new UsageError(`${path}: expected a JSON array of {date, reason, source}`);
  return parsed.map((d: { date?: unknown; reason?: unknown; source?: unknown }) => ({
    date: String(d.date ?? ''),
    reason:
      typeof d.reason === 'object' && d.reason !== null
        ? (d.reason as { es: string; en: string })
        : String(d.reason ?? 'declared non-working day'),
    source: String(d.source ?? ''),
  }));
}

function parseArgs(argv: readonly string[]): Options {
  const positional: string[] = [];
  const extraDays: ExtraNonWorkingDay[] = [];
  const options: Options = { input: { ruleId: '', trigger: '' }, explain: false, json: false, lang: 'es' };
  const value = (i: number, flag: string): string => {
    const v = argv[i + 1];
    if (v === undefined) throw new UsageError(`${flag} needs a value`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    switch (a) {
      case '--explain':
        options.explain = true;
        break;
      case '--json':
        options.json = true;
        break;
      case '--lang': {
        const lang = value(i++, a);
        if (lang !== 'es' && lang !== 'en') throw new UsageError('--lang must be es or en');
        options.lang = lang;
        break;
      }
      case '--rule-version': {
        const n = Number(value(i++, a));
        if (!Number.isInteger(n) || n < 1) throw new UsageError('--rule-version must be a positive integer');
        options.input.version = n;
        break;
      }
      case '--calendar':
        options.input.calendarId = value(i++, a);
        break;
      case '--tz':
        options.input.timeZone = value(i++, a);
        break;
      case '--extra-day': {
        const [date, ...source] = value(i++, a).split('=');
        extraDays.push({
          date: date ?? '',
          reason: 'declared non-working day',
          source: source.join('=') || 'declared on the command line',
        });
        break;
      }
      case '--calendar-extra':
        extraDays.push(...readExtraFile(value(i++, a)));
        break;
      case '--window': {
        const [opens, closes] = value(i++, a).split('..');
        if (!opens || !closes) throw new UsageError('--window must be OPENS..CLOSES (YYYY-MM-DD..YYYY-MM-DD)');
        options.input.window = { opens, closes };
        break;
      }
      default:
        if (a.startsWith('--')) throw new UsageError(`unknown option ${a}`);
        positional.push(a);
    }
  }
  if (positional.length !== 2)
    throw new UsageError(positional.length < 2 ? 'missing RULE or TRIGGER' : `unexpected argument ${positional[2]}`);
  options.input.ruleId = positional[0]!;
  options.input.trigger = positional[1]!;
  if (extraDays.length > 0) options.input.extraDays = extraDays;
  return options;
}

/** The one line of the contract. */
export function dueLine(result: DeadlineResult): string {
  return result.dueInstant ?? result.dueDate ?? 'none';
}

function explanation(result: DeadlineResult, lang: 'es' | 'en'): string {
  const lines = [result.explanation[lang]];
  if (result.window) lines.push(`window: ${result.window.opens} .. ${result.window.closes}`);
  if (result.occurrences) lines.push(`${lang === 'es' ? 'próximas' : 'next'}: ${result.occurrences.join(', ')}`);
  for (const day of result.skippedDays)
    lines.push(`  - ${day.date}: ${day.reasons.map((r) => `${r.reason[lang]} [${r.source}]`).join('; ')}`);
  if (result.reviewNote) lines.push(`review: ${result.reviewNote}`);
  return lines.join('\n') + '\n';
}

function listText(): string {
  return (
    listRules()
      .map((r) => {
        const v = r.versions[r.versions.length - 1]!;
        const c = v.computation;
        const period =
          c.kind === 'period' ? `${c.amount} ${c.unit}${c.direction === 'backward' ? ' before' : ''}` : c.kind;
        return `${r.id}\t${period}\t${v.calendarId}\t${v.legalBasis.citation}${v.needsLegalReview ? '\t[needs legal review]' : ''}`;
      })
      .join('\n') + '\n'
  );
}

/** Runs the command; returns the process exit code. */
export function runDeadlineCommand(argv: readonly string[], io: CommandIo): number {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout(DEADLINE_USAGE);
    return 0;
  }
  if (argv.includes('--list')) {
    io.stdout(listText());
    return 0;
  }
  try {
    const options = parseArgs(argv);
    const result = computeDeadline(options.input);
    if (options.json) io.stdout(JSON.stringify(result) + '\n');
    else io.stdout(dueLine(result) + '\n');
    if (options.explain) io.stderr(explanation(result, options.lang));
    if (result.dueDate === null && !options.json) io.stderr(`${result.explanation[options.lang]}\n`);
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`deadline: ${e.message}\n${DEADLINE_USAGE}`);
      return 2;
    }
    if (e instanceof DeadlineError) {
      io.stderr(`deadline: ${e.message}\n`);
      return e.code === 'UNKNOWN_RULE' ? 3 : 1;
    }
    throw e;
  }
}
