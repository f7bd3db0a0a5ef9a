// Typed calls of the portal content API (/api/portal/guides…). Payload types come from the zod
// schemas in core (type-only imports: no schema code reaches the bundle).
import type {
  PortalGuideLang,
  PortalImage,
  PortalLang,
  PortalOverview,
  PortalVersion,
} from '../../../../../../packages/core/src/portal/portal-content.schemas.ts';
import { ApiError, apiRequest, currentCsrfToken } from '../../api/client';

export type {
  PortalCell,
  PortalCellStatus,
  PortalGuideLang,
  PortalImage,
  PortalLang,
  PortalOverview,
  PortalVersion,
  PortalVersionSummary,
} from '../../../../../../packages/core/src/portal/portal-content.schemas.ts';

export const portalLanguages = ['es', 'en', 'fr', 'pt', 'ht'] as const satisfies readonly PortalLang[];
export const isPortalLang = (value: string): value is PortalLang =>
  (portalLanguages as readonly string[]).includes(value);

const enc = encodeURIComponent;
const base = (slug: string, lang: string) => `/api/portal/guides/${enc(slug)}/${enc(lang)}`;

/** Uploads an image's raw bytes (the image route takes the file itself, not JSON). */
async function uploadImage(slug: string, file: File, language: string): Promise<PortalImage> {
  const csrfToken = currentCsrfToken();
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': language,
    'Content-Type': file.type || 'application/octet-stream',
  };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(`/api/portal/guides/${enc(slug)}/images`, {
      method: 'PUT',
      headers,
      credentials: 'same-origin',
      body: file,
    });
  } catch {
    throw new ApiError(0, { code: 'client.network', message: '' });
  }
  const body = (await response.json().catch(() => undefined)) as unknown;
  if (response.ok) return body as PortalImage;
  const error =
    body && typeof body === 'object' && 'code' in body
      ? (body as { code: string; message: string; field?: string })
      : { code: 'client.unexpected', message: '' };
  throw new ApiError(response.status, error);
}

export const portalApi = {
  overview: (signal?: AbortSignal) => apiRequest<PortalOverview>('GET', '/api/portal/guides', signal ? { signal } : {}),
  guide: (slug: string, lang: PortalLang, signal?: AbortSignal) =>
    apiRequest<PortalGuideLang>('GET', base(slug, lang), signal ? { signal } : {}),
  version: (slug: string, lang: PortalLang, version: number) =>
    apiRequest<PortalVersion>('GET', `${base(slug, lang)}/versions/${version}`),
  save: (slug: string, lang: PortalLang, markdown: string, sourceVersion?: number) =>
    apiRequest<PortalVersion>('POST', `${base(slug, lang)}/versions`, {
      body: sourceVersion === undefined ? { markdown } : { markdown, sourceVersion },
    }),
  publish: (slug: string, lang: PortalLang, version: number) =>
    apiRequest<PortalVersion>('POST', `${base(slug, lang)}/versions/${version}/publish`),
  uploadImage,
};

/** Images are public only once published: the editor's preview reads them through the staff route. */
export const previewImageSrc = (src: string): string =>
  src.replace('/api/public/portal/images/', '/api/portal/images/');

/** A new guide's starting text: the front matter the portal needs and one section. */
export function newGuideTemplate(today: string): string {
  return [
    '---',
    'title: ',
    'summary: ',
    `lastReviewed: ${today}`,
    'translationStatus: reviewed',
    'order: 50',
    'sources:',
    '  - ',
    '---',
    '## ',
    '',
    '',
  ].join('\n');
}
