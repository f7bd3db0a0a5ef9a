import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { getCalendar } from './calendar.registry.ts';
import { DeadlineError } from './deadline.errors.ts';
import { diffRuleVersions, getRule, listRuleChanges, listRuleIds, listRules, resolveRule } from './rule.registry.ts';
import { isValidPlainDateText } from './plain-date.util.ts';

// The ids in the issue are a contract with the server and the command line.
const CONTRACT_IDS = [
  'mx.comar.application',
  'mx.comar.resolution',
  'mx.revision',
  'mx.amparo',
  'us.bia.appeal',
  'us.asylum.one_year',
  'us.motion.reopen',
  'us.motion.reconsider',
];

describe('rule registry', () => {
  it('ships every rule id of the contract', () => {
    for (const id of CONTRACT_IDS) assert.ok(listRuleIds().includes(id), id);
  });

  it('describes each rule completely: basis, calendar, explanation in Spanish and English', () => {
    for (const rule of listRules()) {
      assert.ok(rule.title.es && rule.title.en, rule.id);
      const numbers = new Set<number>();
      for (const v of rule.versions) {
        const label = `${rule.id} v${v.version}`;
        assert.ok(!numbers.has(v.version), `${label}: duplicate version`);
        numbers.add(v.version);
        assert.ok(isValidPlainDateText(v.validFrom), label);
        assert.equal(getCalendar(v.calendarId).jurisdiction, v.jurisdiction, label);
        assert.ok(
          v.legalBasis.citation && v.legalBasis.law && v.legalBasis.article && v.legalBasis.sources.length > 0,
          label,
        );
        assert.ok(v.explanation.es.length > 20 && v.explanation.en.length > 20, label);
        assert.ok(v.consequence.es && v.consequence.en, label);
        if (v.needsLegalReview) assert.ok(v.reviewNote, `${label}: a rule needing review says why`);
        if (v.legalBasis.article.includes('[U]') || v.legalBasis.citation.includes('[U]'))
          assert.ok(v.needsLegalReview, `${label}: [U] basis must be flagged`);
        const c = v.computation;
        if (c.kind === 'period' && c.direction === 'backward')
          assert.notEqual(c.roll, 'next_working_day', `${label}: backward periods roll earlier`);
        if (c.kind === 'period' && c.direction === 'forward') assert.notEqual(c.roll, 'previous_working_day', label);
        if (c.kind === 'period' && c.unit === 'hours') assert.equal(c.countingStart, 'trigger_instant', label);
      }
    }
  });

  it('keeps the contract periods of the issue', () => {
    const period = (id: string) => {
      const c = resolveRule(id, '2025-06-01').computation;
      return c.kind === 'period'
        ? `${c.amount} ${c.unit} ${c.roll} ${resolveRule(id, '2025-06-01').calendarId}`
        : c.kind;
    };
    assert.equal(period('mx.comar.application'), '30 working_days none mx-federal-admin');
    assert.equal(period('mx.comar.resolution'), '45 working_days none mx-federal-admin');
    assert.equal(period('mx.revision'), '15 working_days none mx-federal-admin');
    assert.equal(period('mx.amparo'), '15 working_days none mx-amparo');
    assert.equal(period('us.bia.appeal'), '30 calendar_days next_working_day us-federal');
    assert.equal(period('us.asylum.one_year'), '1 years next_working_day us-federal');
    assert.equal(period('us.motion.reopen'), '90 calendar_days next_working_day us-federal');
    assert.equal(period('us.motion.reconsider'), '30 calendar_days next_working_day us-federal');
  });

  it('picks the version in force at the trigger date, or the pinned one', () => {
    assert.equal(resolveRule('us.eoir.filing.individual', '2020-12-22').version, 1);
    assert.equal(resolveRule('us.eoir.filing.individual', '2020-12-23').version, 2);
    assert.equal(resolveRule('us.eoir.filing.individual', '2025-01-01', 1).version, 1);
    assert.throws(
      () => resolveRule('us.eoir.filing.individual', '2025-01-01', 7),
      (e: unknown) => e instanceof DeadlineError && e.code === 'UNKNOWN_RULE_VERSION',
    );
  });

  it('lists what changed between versions', () => {
    const diff = diffRuleVersions('us.eoir.filing.individual', 1, 2);
    assert.equal(diff.validFrom, '2020-12-23');
    assert.deepEqual(
      diff.changes.find((c) => c.field === 'computation.amount'),
      { field: 'computation.amount', before: 15, after: 30 },
    );
    assert.match(diff.note?.en ?? '', /15 to 30/);
    const detention = listRuleChanges('mx.inm.detention.max');
    assert.equal(detention.length, 1);
    const fields = detention[0]!.changes.map((c) => c.field);
    assert.ok(fields.includes('computation.unit') && fields.includes('computation.amount'));
    assert.deepEqual(listRuleChanges('us.bia.appeal'), []);
  });

  it('names the known rules when a rule is unknown', () => {
    assert.throws(
      () => getRule('mx.comar.aplication'),
      (e: unknown) =>
        e instanceof DeadlineError &&
        e.code === 'UNKNOWN_RULE' &&
        e.httpStatus === 404 &&
        /mx\.comar\.application/.test(e.message),
    );
  });
});
