// One guide: title, last-reviewed date, draft warning for unreviewed translations, the text, and
// its sources. The build-time copy shows at once; a newer version published from the staff app
// replaces it when the server (or the service worker's copy of its answer) has one.
import { h } from '../dom';
import { loadGuide, renderBlocks } from '../content';
import { pathOf, type Context } from '../context';
import { format } from '../i18n';
import { formatDate } from '../format';
import type { Guide } from '../markdown';
import { differs, publishedGuide } from '../published';

function article(guide: Guide, ctx: Context): HTMLElement {
  const { t, lang } = ctx;
  const { meta } = guide;
  return h(
    'article',
    { className: 'guide' },
    h('h1', { tabindex: -1 }, meta.title),
    h('p', { className: 'reviewed' }, format(t.lastReviewed, { date: formatDate(meta.lastReviewed, lang) })),
    meta.translationStatus !== 'reviewed' && h('p', { className: 'note draft' }, t.machineDraft),
    h('p', { className: 'note' }, t.notAdvice),
    renderBlocks(guide.blocks),
    h('h2', {}, t.sources),
    h(
      'ul',
      { className: 'sources' },
      meta.sources.map((source) =>
        h('li', {}, source.url ? h('a', { href: source.url, rel: 'noopener noreferrer' }, source.label) : source.label),
      ),
    ),
  );
}

export async function renderGuide(main: HTMLElement, ctx: Context, slug: string): Promise<void> {
  const { t, lang } = ctx;
  const back = h('p', { className: 'back' }, h('a', { href: pathOf({ lang, page: 'home' }) }, t.back));
  const remote = publishedGuide(lang, slug);
  const loading = loadGuide(lang, slug);
  const bundled = loading ? await loading.catch(() => null) : null;
  const guide = bundled ?? (await remote);
  if (!guide) {
    ctx.setTitle(t.notFound);
    main.append(h('h1', { tabindex: -1 }, t.notFound), back);
    return;
  }
  ctx.setTitle(guide.meta.title);
  let shown = article(guide, ctx);
  main.append(shown, back);
  if (!bundled) return;
  void remote.then((newer) => {
    if (!newer || !shown.isConnected || !differs(newer, bundled)) return;
    const hadFocus = shown.contains(document.activeElement);
    const replacement = article(newer, ctx);
    shown.replaceWith(replacement);
    shown = replacement;
    ctx.setTitle(newer.meta.title);
    if (hadFocus) replacement.querySelector('h1')?.focus();
  });
}
