import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  effectiveProfile,
  intakePlanFor,
  profilePayloadSchema,
  profileIndicators,
  screeningProfileOf,
} from './profile.ts';
import { householdIssues } from '../households/household-rules.ts';

const year = 2026;

describe('differentiated profile', () => {
  it('labels every indicator in Spanish and English and covers the screening flags', () => {
    for (const i of profileIndicators) assert.ok(i.label.es && i.label.en, i.key);
    const keys = profileIndicators.map((i) => i.key as string);
    for (const flag of [
      'child',
      'unaccompanied_child',
      'woman',
      'lgbtiq',
      'indigenous',
      'disability',
      'chronic_illness',
      'pregnant',
      'older_person',
      'violence_survivor',
      'human_rights_defender',
    ])
      assert.ok(keys.includes(flag), flag);
  });

  it('derives child, older person and woman from the record, and refuses them in a payload', () => {
    assert.deepEqual(effectiveProfile(null, { birthYear: 2015, sex: 'F', year }).derived, ['child', 'woman']);
    assert.deepEqual(effectiveProfile(null, { birthYear: 1950, sex: 'M', year }).derived, ['older_person']);
    assert.deepEqual(effectiveProfile(null, { birthYear: null, year }).effective, []);
    assert.equal(profilePayloadSchema.safeParse({ indicators: ['child'] }).success, false);
    assert.equal(profilePayloadSchema.safeParse({ indicators: ['pregnant', 'nonsense'] }).success, false);
    assert.deepEqual(profilePayloadSchema.parse({ indicators: ['pregnant', 'pregnant'] }).indicators, ['pregnant']);
  });

  it('presumes minority for an unaccompanied child whose recorded birth year says adult, and says so', () => {
    const p = effectiveProfile({ indicators: ['unaccompanied_child'] }, { birthYear: 2000, year });
    assert.ok(p.effective.includes('child'));
    assert.equal(p.ageDisputed, true);
    assert.ok(intakePlanFor(p).alerts.some((a) => a.key === 'age_disputed'));
  });

  it('requires the child best-interests screening and the best-interests steps for an unaccompanied child', () => {
    const plan = intakePlanFor(effectiveProfile({ indicators: ['unaccompanied_child'] }, { birthYear: 2011, year }));
    const cbi = plan.questionnaires.find((q) => q.id === 'child_best_interests');
    assert.equal(cbi?.required, true);
    assert.equal(plan.questionnaires.find((q) => q.id === 'trafficking')?.required, true);
    assert.deepEqual(
      plan.bestInterestsSteps.map((s) => s.key),
      [
        'child_protection_focal_point',
        'notify_child_protection_authority',
        'best_interests_assessment',
        'family_tracing',
        'safe_accommodation',
      ],
    );
    assert.match(plan.bestInterestsSteps[1]?.legalBasis ?? '', /Ley de Migración art\. 112/);
    assert.equal(plan.alerts[0]?.notifies, 'child_protection_focal_point');
  });

  it('does not offer the child questionnaire to an adult, and asks medical urgency of a pregnant woman', () => {
    const plan = intakePlanFor(effectiveProfile({ indicators: ['pregnant'] }, { birthYear: 1995, sex: 'F', year }));
    assert.equal(
      plan.questionnaires.some((q) => q.id === 'child_best_interests'),
      false,
    );
    assert.equal(plan.questionnaires.find((q) => q.id === 'medical_urgency')?.required, true);
    assert.equal(plan.questionnaires.find((q) => q.id === 'international_protection')?.required, true);
    assert.equal(plan.questionnaires.find((q) => q.id === 'gbv')?.required, false);
    assert.deepEqual(plan.bestInterestsSteps, []);
    assert.ok(plan.alerts.some((a) => a.key === 'pregnancy_care'));
  });

  it('alerts for a separated child, and asks an accompanied child to have the adult verified only', () => {
    const separated = intakePlanFor(effectiveProfile({ indicators: ['separated_child'] }, { birthYear: 2012, year }));
    assert.equal(separated.alerts[0]?.key, 'separated_child');
    assert.ok(separated.bestInterestsSteps.some((s) => s.key === 'family_tracing'));
    const accompanied = intakePlanFor(effectiveProfile(null, { birthYear: 2016, year }));
    assert.deepEqual(
      accompanied.bestInterestsSteps.map((s) => s.key),
      ['verify_adult_relationship'],
    );
    assert.deepEqual(accompanied.alerts, []);
  });

  it('passes only screening flags to questionnaires', () => {
    assert.deepEqual(screeningProfileOf(['separated_child', 'child', 'single_parent', 'woman']), ['child', 'woman']);
  });
});

describe('household member rules', () => {
  const adult = (
    id: string,
    relationship: 'self' | 'parent' | 'child' | 'guardian' | 'sibling',
    age: number | null = 35,
    responsibleAdultId?: string,
  ) => ({ personId: id, relationship, age, responsibleAdultId });

  it('accepts a mother with her children, each with her as responsible adult', () => {
    assert.deepEqual(
      householdIssues([adult('m', 'self'), adult('a', 'child', 9, 'm'), adult('b', 'child', 4, 'm')]),
      [],
    );
  });

  it('rejects a child marked as the guardian of an adult, naming the field', () => {
    const issues = householdIssues([adult('m', 'self', 40), adult('k', 'guardian', 12)]);
    assert.deepEqual(
      issues.map((i) => [i.code, i.field]),
      [['households.child_as_guardian', 'members[1].relationship']],
    );
    const inverse = householdIssues([adult('k', 'self', 12), adult('m', 'child', 40)]);
    assert.equal(inverse[0]?.code, 'households.child_as_guardian');
  });

  it('rejects a child or unknown-age member as responsible adult, oneself, or a non-member', () => {
    assert.equal(
      householdIssues([adult('a', 'self', 15), adult('b', 'sibling', 10, 'a')])[0]?.code,
      'households.responsible_not_adult',
    );
    assert.equal(
      householdIssues([adult('a', 'self', null), adult('b', 'sibling', 10, 'a')])[0]?.code,
      'households.responsible_not_adult',
    );
    assert.deepEqual(
      householdIssues([adult('a', 'self', 30), adult('b', 'child', 10, 'b')]).map((i) => [i.code, i.field]),
      [['households.own_responsible_adult', 'members[1].responsibleAdultId']],
    );
    assert.equal(
      householdIssues([adult('a', 'self', 30), adult('b', 'child', 10, 'z')])[0]?.code,
      'households.responsible_not_member',
    );
  });

  it('needs exactly one reference person and no duplicates', () => {
    assert.equal(householdIssues([adult('a', 'sibling')])[0]?.code, 'households.reference_required');
    assert.equal(householdIssues([adult('a', 'self'), adult('b', 'self')])[0]?.code, 'households.one_reference');
    assert.equal(householdIssues([adult('a', 'self'), adult('a', 'sibling')])[0]?.field, 'members[1].personId');
  });
});
