// Screening a person: the answers are checked against the questionnaire version used, stored
// encrypted with that version, and produce explained risk flags (with the case-plan tasks they
// suggest). Reading a screening is audited like any read of personal data.
import {
  checkAnswers,
  findQuestionnaire,
  raisedFlags,
  screeningProfileOf,
  type Actor,
  type AnswerValue,
  type ProfileFlag,
  type RaisedFlag,
  type ScreeningView,
} from '@acompana/core';
import type { Database, Queryable } from '../kernel/db/database.ts';
import { AppError } from '../kernel/errors.ts';
import type { Keyring } from '../kernel/crypto/keyring.ts';
import type { AuditWriter } from '../audit/audit-log.ts';
import { registerEncryptedColumn } from '../kernel/crypto/key-rotation.ts';
import { ownPersonFor } from '../people/own-person.ts';
import { profileFlagsOf } from '../people/profile.service.ts';
import { notifyRoles } from '../notifications/notify.ts';

const ANSWERS = 'screenings.answers';
const FLAGS = 'screenings.flags';
registerEncryptedColumn({
  table: 'screenings',
  idColumn: 'id',
  orgColumn: 'org_id',
  column: 'answers',
  context: ANSWERS,
});
registerEncryptedColumn({ table: 'screenings', idColumn: 'id', orgColumn: 'org_id', column: 'flags', context: FLAGS });

const SEVERITY_ORDER = ['none', 'info', 'attention', 'urgent'] as const;

/**
 * Alerts the organisation's child-protection focal point (today: its coordinators and admins)
 * about a person, inside the caller's transaction. Also used by the differentiated profile.
 */
export async function notifyChildProtection(
  tx: Queryable,
  n: { orgId: string; personId: string; refId: string | null; kind: string },
): Promise<void> {
  await notifyRoles(tx, {
    orgId: n.orgId,
    roles: ['coordinator', 'admin'],
    kind: n.kind,
    recordType: 'person',
    recordId: n.personId,
    refId: n.refId,
  });
}

interface ScreeningRow {
  id: string;
  person_id: string;
  questionnaire_id: string;
  questionnaire_version: number;
  answers: unknown;
  flags: unknown;
  max_severity: (typeof SEVERITY_ORDER)[number];
  recorded_at: Date;
}

export function createScreeningService({ db, keyring, audit }: { db: Database; keyring: Keyring; audit: AuditWriter }) {
  const personFor = (actor: Actor, personId: string, action: 'read' | 'update') =>
    ownPersonFor(db, actor, action, personId);

  async function toView(orgId: string, row: ScreeningRow): Promise<ScreeningView> {
    return {
      id: row.id,
      personId: row.person_id,
      questionnaireId: row.questionnaire_id,
      questionnaireVersion: row.questionnaire_version,
      answers: JSON.parse(await keyring.decrypt(orgId, ANSWERS, row.answers)) as Record<
        string,
        string | number | boolean | string[]
      >,
      flags: (JSON.parse(await keyring.decrypt(orgId, FLAGS, row.flags)) as RaisedFlag[]).map((f) => ({
        flag: f.flag,
        severity: f.severity,
        explanation: f.explanation,
        suggestedTasks: [...f.suggestedTasks],
      })),
      maxSeverity: row.max_severity,
      recordedAt: new Date(row.recorded_at).toISOString(),
    };
  }

  async function record(
    actor: Actor,
    personId: string,
    input: {
      questionnaireId: string;
      questionnaireVersion?: number | undefined;
      answers: Record<string, AnswerValue>;
      profile: ProfileFlag[];
    },
    meta: { ip?: string } = {},
  ): Promise<ScreeningView> {
    const person = await personFor(actor, personId, 'update');
    const questionnaire = findQuestionnaire(input.questionnaireId, input.questionnaireVersion);
    if (!questionnaire)
      throw new AppError('screening.unknown_questionnaire', {
        field: 'questionnaireId',
        params: { questionnaire: input.questionnaireId },
      });
    // No profile sent: the person's stored differentiated profile (recorded and derived).
    const profile = new Set(
      input.profile.length > 0 ? input.profile : screeningProfileOf(await profileFlagsOf(db, keyring, person.id)),
    );
    const problem = checkAnswers(questionnaire, input.answers, profile)[0];
    if (problem)
      throw new AppError(`screening.${problem.problem}`, {
        field: `answers.${problem.question}`,
        params: { question: problem.question },
      });
    const flags = raisedFlags(questionnaire, input.answers, profile);
    const maxSeverity = flags.reduce<(typeof SEVERITY_ORDER)[number]>(
      (max, f) => (SEVERITY_ORDER.indexOf(f.severity) > SEVERITY_ORDER.indexOf(max) ? f.severity : max),
      'none',
    );
    const flagIndex = await keyring.blindIndex(
      person.org_id,
      'screening.flag',
      flags.map((f) => f.flag),
    );
    const id = await db.transaction(async (tx) => {
      const txKeys = keyring.withQueryable(tx);
      const { rows } = await tx.query<{ id: string }>(
        `INSERT INTO screenings (org_id, person_id, questionnaire_id, questionnaire_version, answers, flags, flag_bi, max_severity, recorded_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id::text AS id`,
        [
          person.org_id,
          person.id,
          questionnaire.id,
          questionnaire.version,
          await txKeys.encrypt(person.org_id, ANSWERS, JSON.stringify(input.answers)),
          await txKeys.encrypt(person.org_id, FLAGS, JSON.stringify(flags)),
          flagIndex,
          maxSeverity,
          actor.accountId,
        ],
      );
      const created = (rows[0] as { id: string }).id;
      // An unaccompanied or separated child alerts the organisation's child-protection focal
      // point at once (today: its coordinators and admins), in the same transaction.
      if (flags.some((f) => f.suggestedTasks.includes('child_protection_focal_point'))) {
        await notifyChildProtection(tx, {
          orgId: person.org_id,
          personId: person.id,
          refId: created,
          kind: 'screening.child_protection',
        });
      }
      await audit.append(tx, {
        actorAccountId: actor.accountId,
        actorOrgId: actor.orgId,
        action: 'screening.create',
        recordType: 'person',
        recordId: person.id,
        orgId: person.org_id,
        fields: ['screening.answers', 'screening.flags'],
        ip: meta.ip ?? null,
        details: { questionnaire: `${questionnaire.id}@${questionnaire.version}`, screening: created },
      });
      return created;
    });
    return (await list(actor, personId, meta, id))[0] as ScreeningView;
  }

  async function list(
    actor: Actor,
    personId: string,
    meta: { ip?: string } = {},
    onlyId?: string,
  ): Promise<ScreeningView[]> {
    const person = await personFor(actor, personId, 'read');
    const { rows } = await db.query<ScreeningRow>(
      `SELECT id::text AS id, person_id::text AS person_id, questionnaire_id, questionnaire_version, answers, flags, max_severity, recorded_at
         FROM screenings WHERE person_id = $1 AND ($2::uuid IS NULL OR id = $2::uuid) ORDER BY recorded_at, id`,
      [person.id, onlyId ?? null],
    );
    if (!onlyId)
      await audit.record({
        actorAccountId: actor.accountId,
        actorOrgId: actor.orgId,
        action: 'screening.read',
        recordType: 'person',
        recordId: person.id,
        orgId: person.org_id,
        fields: ['screening.answers', 'screening.flags'],
        ip: meta.ip ?? null,
      });
    return Promise.all(rows.map((row) => toView(person.org_id, row)));
  }

  /** Ids of people in the organisation with a flag, found through the blind index (no decryption). */
  async function peopleWithFlag(actor: Actor, flag: string): Promise<string[]> {
    if (!actor.orgId) throw new AppError('policy.denied');
    const [probe] = await keyring.blindIndex(actor.orgId, 'screening.flag', [flag]);
    const { rows } = await db.query<{ person_id: string }>(
      'SELECT DISTINCT person_id::text AS person_id FROM screenings WHERE org_id = $1 AND flag_bi @> $2::text[]',
      [actor.orgId, [probe]],
    );
    return rows.map((r) => r.person_id);
  }

  return { record, list, peopleWithFlag };
}
