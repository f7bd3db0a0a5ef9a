// JSON bodies must be valid UTF-8. Node's default decoding silently turns invalid bytes into
// U+FFFD, so a name sent with a broken encoding would be stored garbled without a word. Decode
// strictly, then hand the text to Fastify's own JSON parser (which keeps its protection against
// __proto__ and constructor poisoning).
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.ts';

const decoder = new TextDecoder('utf-8', { fatal: true });

export function installStrictJsonParser(app: FastifyInstance): void {
  const defaultParser = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    let text: string;
    try {
      text = decoder.decode(body as Buffer);
    } catch {
      done(new AppError('validation.invalid_encoding'), undefined);
      return;
    }
    defaultParser(request, text, done);
  });
}

// PostgreSQL refuses the NUL character in text, so a NUL in a path or query parameter would
// reach the database as an error (500) wherever a handler passes the value on. Refuse it at the
// edge instead, for every route: a clear 400 and nothing read or written.
const encodedNul = /%00/i;

export function installUrlGuard(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    if (encodedNul.test(request.url) || request.url.includes('\u0000'))
      throw new AppError('validation.invalid_encoding');
  });
}
