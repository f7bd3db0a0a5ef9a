// Payloads of the screening API, shared by server and web.
import { z } from 'zod';
import { versionSchema } from '../api/integers.ts';

const localized = z.object({ es: z.string(), en: z.string() });
const answerValue = z.union([z.boolean(), z.string().max(500), z.number(), z.array(z.string().max(100)).max(50)]);

export const screeningCreateSchema = z.strictObject({
  questionnaireId: z.string().min(1).max(60),
  /** Omitted: the newest version. */
  questionnaireVersion: versionSchema.optional(),
  answers: z.record(z.string().max(60), answerValue),
  /** Profile facts the questions depend on (child, unaccompanied_child, pregnant…). */
  profile: z
    .array(
      z.enum([
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
      ]),
    )
    .max(11)
    .default([]),
});

export const screeningSchema = z.object({
  id: z.string(),
  personId: z.string(),
  questionnaireId: z.string(),
  questionnaireVersion: z.number().int(),
  answers: z.record(z.string(), answerValue),
  flags: z.array(
    z.object({
      flag: z.string(),
      severity: z.enum(['info', 'attention', 'urgent']),
      explanation: localized,
      suggestedTasks: z.array(z.string()),
    }),
  ),
  maxSeverity: z.enum(['none', 'info', 'attention', 'urgent']),
  recordedAt: z.string(),
});

export type ScreeningView = z.infer<typeof screeningSchema>;
