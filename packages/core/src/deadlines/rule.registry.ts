// The shipped rules, version resolution (the version in force at the trigger date unless one is
// pinned) and the list of what changed between versions, for reviewers and audit trails.

import { DeadlineError } from './deadline.errors.ts';
import { MX_MIGRATION_RULES } from './mx-migration.rules.ts';
import { MX_RULES } from './mx.rules.ts';
import { formatDay, type DayNumber, type PlainDate } from './plain-date.util.ts';
import type { DeadlineRule, ResolvedRule, RuleVersion } from './rule.types.ts';
import { US_RULES } from './us.rules.ts';

const RULES: ReadonlyMap<string, DeadlineRule> = new Map(
  [...MX_RULES, ...MX_MIGRATION_RULES, ...US_RULES].map((rule) => [
    rule.id,
    { ...rule, versions: [...rule.versions].sort((a, b) => a.validFrom.localeCompare(b.validFrom)) },
  ]),
);

export function listRules(): DeadlineRule[] {
  return [...RULES.values()];
}

export function listRuleIds(): string[] {
  return [...RULES.keys()].sort();
}

export function getRule(id: string): DeadlineRule {
  const rule = RULES.get(id);
  if (!rule) {
    throw new DeadlineError('UNKNOWN_RULE', `unknown rule "${id}"; known rules: ${listRuleIds().join(', ')}`, {
      ruleId: id,
      known: listRuleIds(),
    });
  }
  return rule;
}

// Flattened versions are built once: resolving a rule is on the hot path of bulk recomputation.
const FLATTENED = new Map<RuleVersion, ResolvedRule>();
for (const rule of RULES.values())
  for (const v of rule.versions) FLATTENED.set(v, Object.freeze({ ...v, id: rule.id, title: rule.title }));

function flatten(_rule: DeadlineRule, version: RuleVersion): ResolvedRule {
  return FLATTENED.get(version)!;
}

/** The version in force on `at` (latest validFrom ≤ at), or the pinned version. */
export function resolveRule(id: string, at: DayNumber | PlainDate, pinnedVersion?: number): ResolvedRule {
  const rule = getRule(id);
  if (pinnedVersion !== undefined) {
    const pinned = rule.versions.find((v) => v.version === pinnedVersion);
    if (!pinned) {
      throw new DeadlineError(
        'UNKNOWN_RULE_VERSION',
        `rule ${id} has no version ${pinnedVersion}; versions: ${rule.versions.map((v) => v.version).join(', ')}`,
        {
          ruleId: id,
          version: pinnedVersion,
        },
      );
    }
    return flatten(rule, pinned);
  }
  const date = typeof at === 'number' ? formatDay(at) : at;
  let inForce: RuleVersion | undefined;
  for (const v of rule.versions) if (v.validFrom <= date) inForce = v;
  if (!inForce) {
    throw new DeadlineError(
      'NO_VERSION_IN_FORCE',
      `rule ${id} was not in force on ${date} (first version from ${rule.versions[0]?.validFrom})`,
      {
        ruleId: id,
        date,
      },
    );
  }
  return flatten(rule, inForce);
}

export interface RuleFieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface RuleVersionChange {
  ruleId: string;
  fromVersion: number;
  toVersion: number;
  validFrom: PlainDate;
  note?: RuleVersion['changeNote'];
  changes: RuleFieldChange[];
}

// Fields that describe a version rather than its content are not reported as changes.
const IGNORED = new Set(['version', 'validFrom', 'changeNote']);

function collectChanges(before: unknown, after: unknown, path: string, out: RuleFieldChange[]): void {
  const isObject = (v: unknown): v is Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v);
  if (isObject(before) && isObject(after)) {
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
      if (path === '' && IGNORED.has(key)) continue;
      collectChanges(before[key], after[key], path ? `${path}.${key}` : key, out);
    }
    return;
  }
  if (JSON.stringify(before) !== JSON.stringify(after)) out.push({ field: path, before, after });
}

/** Field-by-field differences between two versions of a rule (e.g. `computation.amount: 15 → 30`). */
export function diffRuleVersions(id: string, fromVersion: number, toVersion: number): RuleVersionChange {
  const from = resolveRule(id, '9999-12-31', fromVersion);
  const to = resolveRule(id, '9999-12-31', toVersion);
  const changes: RuleFieldChange[] = [];
  collectChanges(from, to, '', changes);
  return { ruleId: id, fromVersion, toVersion, validFrom: to.validFrom, note: to.changeNote, changes };
}

/** Every change in a rule's history, oldest first. */
export function listRuleChanges(id: string): RuleVersionChange[] {
  const versions = getRule(id).versions;
  const out: RuleVersionChange[] = [];
  for (let i = 1; i < versions.length; i++)
    out.push(diffRuleVersions(id, versions[i - 1]!.version, versions[i]!.version));
  return out;
}
