// Turns every failure into {code, message, field?}: validation issues from zod, Fastify's own
// body errors (bad JSON, too large, wrong content type), AppErrors, and — without leaking any
// detail — everything else.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type ErrorCode } from '../errors.ts';
import { localeFromAcceptLanguage, translate } from '../i18n/translate.ts';
import { loggableError, storageErrorOf } from './storage-errors.ts';
import type { ErrorResponse } from './error-response.ts';

interface ZodIssueLike {
  code?: string;
  path?: (string | number)[];
  keys?: string[];
  expected?: string;
  input?: unknown;
  message?: string;
}

function issueToAppError(issue: ZodIssueLike, part: string): AppError {
  const path = (issue.path ?? []).map(String);
  const field = path.length ? path.join('.') : part;
  switch (issue.code) {
    case 'unrecognized_keys': {
      const key = issue.keys?.[0] ?? '?';
      return new AppError('validation.unknown_field', {
        field: path.length ? `${field}.${key}` : key,
        params: { field: key },
      });
    }
    case 'invalid_type':
      if (/received undefined/.test(issue.message ?? '')) {
        return new AppError('validation.required', { field, params: { field } });
      }
      return new AppError('validation.invalid_type', { field, params: { field, expected: issue.expected ?? '?' } });
    case 'too_small':
    case 'too_big':
    case 'invalid_format':
    case 'invalid_value':
      return new AppError(`validation.${issue.code}` as ErrorCode, { field, params: { field } });
    default:
      return new AppError('validation.invalid_value', { field, params: { field } });
  }
}

function fastifyErrorToAppError(error: FastifyError): AppError | undefined {
  if (hasZodFastifySchemaValidationErrors(error)) {
    // fastify-type-provider-zod reshapes each zod issue as {keyword, instancePath, message, params}.
    // Every issue is answered at once, so that a form can mark all its wrong fields in one round.
    const [first, ...rest] = error.validation.map((v) => {
      const shaped = v as unknown as { keyword: string; instancePath: string; message?: string; params?: object };
      const issue: ZodIssueLike = {
        ...(shaped.params as ZodIssueLike | undefined),
        code: shaped.keyword,
        path: shaped.instancePath.split('/').filter(Boolean),
        ...(shaped.message ? { message: shaped.message } : {}),
      };
      return issueToAppError(issue, error.validationContext ?? 'body');
    });
    if (first) return new AppError(first.code, { field: first.field, params: first.params, also: rest });
  }
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('validation.body_too_large');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('validation.unsupported_media_type');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new AppError('validation.invalid_json');
    default:
      break;
  }
  if (error instanceof SyntaxError && error.statusCode === 400) return new AppError('validation.invalid_json');
  return undefined;
}

export function sendAppError(request: FastifyRequest, reply: FastifyReply, error: AppError): FastifyReply {
  const locale = localeFromAcceptLanguage(request.headers['accept-language']);
  const describe = (e: AppError): ErrorResponse => ({
    code: e.code,
    message: translate(locale, e.code, e.params),
    ...(e.field ? { field: e.field } : {}),
  });
  const body: ErrorResponse = describe(error);
  if (error.also.length > 0) body.errors = [error, ...error.also].map(describe);
  return reply
    .status(error.status)
    .header('content-language', locale)
    .type('application/json; charset=utf-8')
    .send(body);
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const appError = error instanceof AppError ? error : (fastifyErrorToAppError(error) ?? storageErrorOf(error));
    if (appError) {
      if (appError.status >= 500) request.log.error({ err: loggableError(error) }, appError.code);
      return sendAppError(request, reply, appError);
    }
    request.log.error({ err: loggableError(error) }, 'unhandled error');
    return sendAppError(request, reply, new AppError('server.internal'));
  });
}
