// One guide: title, last-reviewed date, draft warning for unreviewed translations, the text, and
// its sources.
import { h } from '../dom';
import { loadGuide, renderBlocks } from '../content';
import { pathOf, type Context } from '../context';
import { format } from '../i18n';
import { formatDate } from '../format';

export async function renderGuide(main: HTMLElement, ctx: Context, slug: string): Promise<void> {
  const { t, lang } = ctx;
  const back = h('p', { className: 'back' }, h('a', { href: pathOf({ lang, page: 'home' }) }, t.back));
  const loading = loadGuide(lang, slug);
  const guide = loading ? await loading.catch(() => null) : null;
  if (!guide) {
    ctx.setTitle(t.notFound);
    main.append(h('h1', { tabindex: -1 }, t.notFound), back);
    return;
  }
  const { meta } = guide;
  ctx.setTitle(meta.title);
  main.append(
    h(
      'article',
      { className: 'guide' },
      h('h1', { tabindex: -1 }, meta.title),
      h('p', { className: 'reviewed' }, format(t.lastReviewed, { date: formatDate(meta.lastReviewed, lang) })),
      meta.translationStatus !== 'reviewed' && h('p', { className: 'note draft' }, t.machineDraft),
      h('p', { className: 'note' }, t.notAdvice),
      renderBlocks(guide.blocks),
      h('h2', {}, t.sources),
      h('ul', { className: 'sources' }, meta.sources.map((source) => h('li', {}, source.url ? h('a', { href: source.url, rel: 'noopener noreferrer' }, source.label) : source.label))),
    ),
    back,
  );
}
