import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Condition, ProfileFlag, Question } from './questionnaire.types.ts';
import { checkAnswers, questionsToAsk, raisedFlags } from './screening-evaluate.ts';
import { childBestInterests, medicalUrgency } from './care-questionnaires.ts';
import { genderBasedViolence, internationalProtection, trafficking } from './protection-questionnaires.ts';
import { findQuestionnaire, questionnaires } from './questionnaire-registry.ts';

const none = new Set<ProfileFlag>();

function answersReferenced(condition: Condition | undefined, out: string[] = []): string[] {
  if (!condition) return out;
  if ('all' in condition) condition.all.forEach((c) => answersReferenced(c, out));
  else if ('any' in condition) condition.any.forEach((c) => answersReferenced(c, out));
  else if ('not' in condition) answersReferenced(condition.not, out);
  else if ('answer' in condition) out.push(condition.answer);
  return out;
}

describe('screening questionnaires', () => {
  it('flags international protection needs when Dania fears a gang back home', () => {
    const flags = raisedFlags(
      internationalProtection,
      { fear_of_return: true, fear_reasons: ['gang_threats'], days_in_mexico: 1 },
      none,
    );
    assert.deepEqual(
      flags.map((f) => f.flag),
      ['international_protection_needs'],
    );
    assert.ok(flags[0]?.suggestedTasks.includes('comar_application'));
    assert.match(flags[0]?.explanation.es ?? '', /refugio/);
  });

  it('warns that the COMAR limit is close after 25 days in Mexico', () => {
    const flags = raisedFlags(internationalProtection, { fear_of_return: true, days_in_mexico: 27 }, none);
    assert.ok(flags.some((f) => f.flag === 'comar_deadline_close' && f.severity === 'urgent'));
  });

  it('asks follow-up questions only after a yes', () => {
    assert.deepEqual(
      questionsToAsk(internationalProtection, {}, none).map((q) => q.key),
      ['fear_of_return', 'days_in_mexico'],
    );
    assert.ok(
      questionsToAsk(internationalProtection, { fear_of_return: true }, none).some((q) => q.key === 'fear_reasons'),
    );
  });

  it('stops the GBV screening when it is not safe to talk', () => {
    assert.deepEqual(
      questionsToAsk(genderBasedViolence, { safe_to_talk: false }, none).map((q) => q.key),
      ['safe_to_talk'],
    );
    assert.deepEqual(
      raisedFlags(genderBasedViolence, { safe_to_talk: false }, none).map((f) => f.flag),
      ['unsafe_interview'],
    );
  });

  it('alerts the child-protection focal point for an unaccompanied child', () => {
    const flags = raisedFlags(childBestInterests, {}, new Set<ProfileFlag>(['child', 'unaccompanied_child']));
    assert.ok(
      flags.some(
        (f) =>
          f.flag === 'unaccompanied_or_separated_child' && f.suggestedTasks.includes('child_protection_focal_point'),
      ),
    );
  });

  it('raises trafficking indicators from withheld documents and confinement together', () => {
    assert.ok(
      raisedFlags(trafficking, { documents_held_by_other: true, not_free_to_leave: true }, none).some(
        (f) => f.flag === 'trafficking_indicators',
      ),
    );
    assert.ok(
      !raisedFlags(trafficking, { documents_held_by_other: true }, none).some(
        (f) => f.flag === 'trafficking_indicators',
      ),
    );
  });

  it('treats a child with asthma and no inhaler as medical follow-up, and breathing trouble as an emergency', () => {
    assert.deepEqual(
      raisedFlags(medicalUrgency, { chronic_medication_missing: true }, none).map((f) => f.flag),
      ['medical_follow_up'],
    );
    assert.ok(
      raisedFlags(medicalUrgency, { danger_signs: ['breathing'] }, none).some((f) => f.flag === 'medical_emergency'),
    );
  });

  it('names the question of every bad answer', () => {
    const problems = checkAnswers(
      internationalProtection,
      { fear_of_return: 'yes', fear_reasons: ['aliens'], nonsense: true, days_in_mexico: -3 },
      none,
    );
    assert.deepEqual(problems.map((p) => `${p.question}:${p.problem}`).sort(), [
      'days_in_mexico:out_of_range',
      'fear_of_return:wrong_type',
      'fear_reasons:not_applicable',
      'fear_reasons:unknown_choice',
      'nonsense:unknown_question',
    ]);
  });

  it('are consistent: unique keys, both languages, conditions that name real questions', () => {
    for (const q of questionnaires) {
      const keys = q.questions.map((x: Question) => x.key);
      assert.equal(new Set(keys).size, keys.length, q.id);
      for (const question of q.questions) {
        assert.ok(question.text.es && question.text.en, `${q.id}.${question.key}`);
        for (const ref of answersReferenced(question.askIf))
          assert.ok(keys.includes(ref), `${q.id}.${question.key} refers to ${ref}`);
        for (const choice of question.choices ?? []) assert.ok(choice.label.es && choice.label.en);
      }
      for (const rule of q.rules) {
        assert.ok(rule.explanation.es && rule.explanation.en, `${q.id}/${rule.flag}`);
        for (const ref of answersReferenced(rule.when))
          assert.ok(keys.includes(ref), `${q.id}/${rule.flag} refers to ${ref}`);
      }
    }
    assert.equal(findQuestionnaire('gbv')?.version, 1);
  });
});
