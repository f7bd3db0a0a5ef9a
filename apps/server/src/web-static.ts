// Serves the built staff app at /app/ (and, later, the public portal at /). Unknown /app/*
// paths get index.html so that the app's own router handles them.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';

export const webDistDir = fileURLToPath(new URL('../../web/dist', import.meta.url));

export async function registerWebApp(app: FastifyInstance, distDir: string = webDistDir): Promise<void> {
  const available = existsSync(`${distDir}/index.html`);
  app.get('/', (_request, reply) => reply.redirect('/app/'));
  if (!available) {
    app.log.warn(`web app not built (${distDir}); run "npm run build"`);
    return;
  }
  await app.register(fastifyStatic, {
    root: distDir,
    prefix: '/app/',
    index: ['index.html'],
    wildcard: true,
    // Hashed asset names can be cached for ever; index.html must always be revalidated.
    setHeaders: (reply, path) => reply.header('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache'),
  });
}

/** Unknown /app/* pages are the staff app's own routes: answer them with its index.html. */
export function isStaffAppPage(method: string, url: string): boolean {
  return (method === 'GET' || method === 'HEAD') && (url === '/app' || url.startsWith('/app/')) && !url.startsWith('/app/assets/');
}
