// The one error shape of the API: {code, message, field?}, message translated by Accept-Language.
import { z } from 'zod';

const oneError = z.object({
  code: z.string().describe('Stable error code, e.g. auth.invalid_credentials'),
  message: z.string().describe('Human-readable message in the request language (es, en)'),
  field: z.string().optional().describe('The request field the error is about, when there is one'),
});

export const errorResponseSchema = oneError
  .extend({
    errors: z
      .array(oneError)
      .optional()
      .describe('Every problem found, the first one included, when the request has several (a form)'),
  })
  .describe('Error');

export type ErrorResponse = z.infer<typeof errorResponseSchema>;

/** Response schemas for the error statuses every authenticated route may answer. */
export const commonErrorResponses = {
  400: errorResponseSchema,
  401: errorResponseSchema,
  403: errorResponseSchema,
  404: errorResponseSchema,
  409: errorResponseSchema,
  413: errorResponseSchema,
  423: errorResponseSchema,
  429: errorResponseSchema,
  500: errorResponseSchema,
};
