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
