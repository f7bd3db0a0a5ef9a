// The one place that talks HTTP to the server. Same-origin cookies carry the session; the CSRF
// token (from the login response and from GET /api/me) goes in a header on every unsafe method.
import type { ApiErrorBody, ApiProblem } from './api-types';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Codes the client itself produces when the server gave no usable error body. */
export const clientErrorCodes = { network: 'client.network', unexpected: 'client.unexpected' } as const;

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field: string | undefined;
  /** Every problem of the request, the first (code, message, field above) included: a form shows each at its field. */
  readonly problems: readonly ApiProblem[];

  constructor(status: number, body: ApiErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.field = body.field;
    const first: ApiProblem = { code: body.code, message: body.message, ...(body.field ? { field: body.field } : {}) };
    this.problems = Array.isArray(body.errors) && body.errors.length > 0 ? body.errors : [first];
  }
}

let csrfToken: string | null = null;
let language = 'es';
const unauthenticatedListeners = new Set<() => void>();

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** For requests that cannot go through apiRequest (raw file uploads, e.g. case attachments). */
export function currentCsrfToken(): string | null {
  return csrfToken;
}

/** The server translates error messages from Accept-Language, so it follows the UI language. */
export function setRequestLanguage(lang: string): void {
  language = lang;
}

/** Codes that mean "no session": other 401s (a wrong 2FA code) are ordinary errors. */
const sessionGoneCodes: ReadonlySet<string> = new Set(['auth.unauthenticated', 'auth.session_expired']);

/** Called when a request other than login finds the session gone (expired, logged out elsewhere). */
export function onUnauthenticated(listener: () => void): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

const unsafeMethods: ReadonlySet<HttpMethod> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function isErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.code === 'string' && typeof v.message === 'string';
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export interface RequestOptions {
  body?: unknown;
  /** Login answers 401 for wrong credentials: that is not a lost session. */
  expectUnauthenticated?: boolean;
  signal?: AbortSignal;
}

export async function apiRequest<T>(method: HttpMethod, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': language };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (unsafeMethods.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, { code: clientErrorCodes.network, message: '' });
  }

  const payload = await readJson(response);
  if (response.ok) return payload as T;

  const body: ApiErrorBody = isErrorBody(payload) ? payload : { code: clientErrorCodes.unexpected, message: '' };
  if (response.status === 401 && sessionGoneCodes.has(body.code) && !options.expectUnauthenticated) {
    for (const listener of unauthenticatedListeners) listener();
  }
  throw new ApiError(response.status, body);
}
