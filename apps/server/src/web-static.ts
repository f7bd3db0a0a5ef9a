// Serves the built web app (apps/web/dist):
// - the public portal at / and /<lang>/… (es, en, fr, pt, ht): every portal path answers with
//   portal.html (with <html lang> of the prefix) and the portal's own script routes it
//   (docs/decisions/0107-public-portal.md);
// - its service worker at /sw.js, the scope it controls, always revalidated (cache-control: no-cache);
// - the staff app and every hashed asset under /app/ (immutable for a year: names change with content). Unknown /app/* paths get the staff
//   index.html (see isStaffAppPage and the not-found handler in app.ts).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply } from 'fastify';
import fastifyStatic from '@fastify/static';

// ACOMPANA_WEB_DIST: a build made elsewhere (see apps/web/vite.config.ts).
export const webDistDir = process.env.ACOMPANA_WEB_DIST ?? fileURLToPath(new URL('../../web/dist', import.meta.url));

export const PORTAL_LANGUAGES = ['es', 'en', 'fr', 'pt', 'ht'] as const;

/**
 * The portal document may ask for the phone's location ("nearest first", only when the person
 * taps the button; the position never leaves the page). Every other response keeps the global
 * Permissions-Policy that denies it. Route-level onSend hooks run after the global one.
 */
const PORTAL_PERMISSIONS_POLICY = 'camera=(), microphone=(), geolocation=(self), payment=()';

export async function registerWebApp(app: FastifyInstance, distDir: string = webDistDir): Promise<void> {
  const staffAvailable = existsSync(`${distDir}/index.html`);
  const portalAvailable = existsSync(`${distDir}/portal.html`);
  if (!staffAvailable && !portalAvailable) {
    app.get('/', (_request, reply) => reply.redirect('/app/'));
    app.log.warn(`web app not built (${distDir}); run "npm run build"`);
    return;
  }
  await app.register(fastifyStatic, {
    root: distDir,
    prefix: '/app/',
    index: ['index.html'],
    wildcard: true,
    // The build writes name.br and name.gz next to each text file (vite.config.ts): sent as they
    // are, with content-encoding and vary: accept-encoding; the plain file otherwise.
    preCompressed: true,
    // Hashed asset names can be cached for ever; pages and the service worker must always be revalidated.
    setHeaders: (reply, path) =>
      reply.header('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache'),
  });
  if (!portalAvailable) {
    app.get('/', (_request, reply) => reply.redirect('/app/'));
    return;
  }
  const sendPortal = (reply: FastifyReply) =>
    reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').sendFile('portal.html', distDir);
  // Under a language prefix the document itself says its language (<html lang>), so that screen
  // readers, translation tools and search engines know it before any script runs. The variants
  // are made once here; compression is @fastify/compress's, as for any answer.
  const portalHtml = readFileSync(`${distDir}/portal.html`, 'utf8');
  const portalIn = new Map<string, string>(
    PORTAL_LANGUAGES.map((lang) => [lang, portalHtml.replace(/<html\b[^>]*>/i, `<html lang="${lang}">`)]),
  );
  const sendPortalIn = (reply: FastifyReply, lang: string) =>
    reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(portalIn.get(lang));
  const portalRoute = {
    onSend: async (_request: unknown, reply: FastifyReply, payload: unknown) => {
      reply.header('permissions-policy', PORTAL_PERMISSIONS_POLICY);
      return payload;
    },
  };
  app.get('/', portalRoute, (_request, reply) => sendPortal(reply));
  for (const lang of PORTAL_LANGUAGES) {
    app.get(`/${lang}`, portalRoute, (_request, reply) => sendPortalIn(reply, lang));
    app.get(`/${lang}/*`, portalRoute, (_request, reply) => sendPortalIn(reply, lang));
  }
  if (existsSync(`${distDir}/sw.js`)) {
    app.get('/sw.js', (_request, reply) =>
      reply.header('cache-control', 'no-cache').type('text/javascript; charset=utf-8').sendFile('sw.js', distDir),
    );
  }
}

/** Unknown /app/* pages are the staff app's own routes: answer them with its index.html. */
export function isStaffAppPage(method: string, url: string): boolean {
  return (
    (method === 'GET' || method === 'HEAD') &&
    (url === '/app' || url.startsWith('/app/')) &&
    !url.startsWith('/app/assets/')
  );
}
