// Expected policies of the public portal's content routes: editors are administrators and
// coordinators (record type portal_content); merged into routePolicies by route-policies.ts.
import type { RoutePolicy } from './route-policies.ts';
import { jpeg } from './targets.ts';
import type { World } from './world.ts';

const guide = { slug: 'asylum-mexico', lang: 'es', version: '1' };
const guideMarkdown =
  '---\ntitle: Guía de prueba\nsummary: Resumen\nlastReviewed: 2026-11-23\nsources:\n  - Ley de Migración | https://www.diputados.gob.mx/LeyesBiblio/pdf/LMigra.pdf\n---\nTexto de prueba.\n';
/** An image uploaded by an administrator (its id is what the image routes need). */
async function portalImage(w: World): Promise<Record<string, string>> {
  const r = await w.admins.A.request({
    method: 'PUT',
    url: '/api/portal/guides/asylum-mexico/images',
    payload: jpeg,
    headers: { 'content-type': 'image/jpeg' },
  });
  return { id: (JSON.parse(r.body) as { id: string }).id };
}

export const portalContentPolicies = {
  'GET /api/public/portal/guides': { kind: 'public' },
  'GET /api/public/portal/guides/{lang}/{slug}': { kind: 'public' },
  'GET /api/public/portal/images/{id}': { kind: 'public' },
  'GET /api/portal/guides': { kind: 'org', record: 'portal_content', action: 'read' },
  'GET /api/portal/guides/{slug}/{lang}': {
    kind: 'org',
    record: 'portal_content',
    action: 'read',
    params: () => guide,
  },
  'GET /api/portal/guides/{slug}/{lang}/versions/{version}': {
    kind: 'org',
    record: 'portal_content',
    action: 'read',
    params: () => guide,
  },
  'GET /api/portal/images/{id}': { kind: 'org', record: 'portal_content', action: 'read', params: portalImage },
  'POST /api/portal/guides/{slug}/{lang}/versions': {
    kind: 'org',
    record: 'portal_content',
    action: 'update',
    params: () => guide,
    body: () => ({ markdown: guideMarkdown }),
  },
  'POST /api/portal/guides/{slug}/{lang}/versions/{version}/publish': {
    kind: 'org',
    record: 'portal_content',
    action: 'update',
    params: () => guide,
  },
  'PUT /api/portal/guides/{slug}/images': {
    kind: 'org',
    record: 'portal_content',
    action: 'update',
    params: () => guide,
    raw: { payload: jpeg, headers: { 'content-type': 'image/jpeg' } },
  },
} satisfies Record<string, RoutePolicy>;
