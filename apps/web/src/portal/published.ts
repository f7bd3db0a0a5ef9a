// Guides published from the staff app. The build-time guides are the portal's offline fallback;
// when the server answers, its published versions (the same parsed data, see @acompana/core
// portal/markdown.ts) replace them. The service worker keeps the last answers for offline use.
import type { Guide, GuideMeta } from './markdown';
import type { Lang } from './i18n';

const TIMEOUT_MS = 5000;

/** Offline, the service worker's last copy is read straight from its cache: no failed request. */
async function cachedJson<T>(url: string): Promise<T | null> {
  try {
    const cached = typeof caches === 'undefined' ? undefined : await caches.match(url);
    return cached ? ((await cached.json()) as T) : null;
  } catch {
    return null;
  }
}

export async function getJson<T>(url: string): Promise<T | null> {
  if (typeof fetch !== 'function') return null;
  if (!navigator.onLine) return cachedJson<T>(url);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  try {
    const response = await fetch(url, {
      signal: controller.signal,
      credentials: 'omit',
      headers: { accept: 'application/json' },
    });
    return response.ok ? ((await response.json()) as T) : null;
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
  }
}

/** The published guides' front matter in a language, or null when the server cannot be reached. */
export async function publishedList(lang: Lang): Promise<GuideMeta[] | null> {
  const data = await getJson<{ items: { meta: GuideMeta }[] }>(`/api/public/portal/guides?lang=${lang}`);
  return data && Array.isArray(data.items) ? data.items.map((item) => item.meta) : null;
}

/** The published version of one guide, or null (not published, or no connection and no copy). */
export async function publishedGuide(lang: Lang, slug: string): Promise<Guide | null> {
  const data = await getJson<Guide>(`/api/public/portal/guides/${lang}/${encodeURIComponent(slug)}`);
  return data && data.meta && Array.isArray(data.blocks) ? { meta: data.meta, blocks: data.blocks } : null;
}

/** True when two guides would show differently. */
export function differs(a: Guide, b: Guide): boolean {
  return (
    JSON.stringify([
      a.meta.title,
      a.meta.summary,
      a.meta.lastReviewed,
      a.meta.translationStatus,
      a.meta.sources,
      a.blocks,
    ]) !==
    JSON.stringify([
      b.meta.title,
      b.meta.summary,
      b.meta.lastReviewed,
      b.meta.translationStatus,
      b.meta.sources,
      b.blocks,
    ])
  );
}
