// Home: the guides in the reader's language and the way to the services list. The build-time list
// shows at once; when the server answers, the guides published from the staff app replace it.
import { h } from '../dom';
import { guidesIn } from '../content';
import { pathOf, type Context } from '../context';
import type { GuideMeta } from '../markdown';
import { publishedList } from '../published';
import { renderReleases } from '../releases';

export function renderHome(main: HTMLElement, ctx: Context): void {
  const { t, lang } = ctx;
  ctx.setTitle(t.homeTitle);
  const cards = (guides: GuideMeta[]): HTMLElement[] =>
    guides.map((guide) =>
      h(
        'li',
        { className: 'card' },
        h('h3', {}, h('a', { href: pathOf({ lang, page: 'guide', slug: guide.slug }) }, guide.title)),
        h('p', {}, guide.summary),
      ),
    );
  const list = h('ul', { className: 'cards' }, cards(guidesIn(lang)));
  main.append(
    h('h1', { tabindex: -1 }, t.homeTitle),
    h('p', { className: 'lead' }, t.homeIntro),
    h('h2', {}, t.guidesTitle),
    list,
    h('h2', {}, t.servicesTitle),
    h('p', {}, h('a', { className: 'button', href: pathOf({ lang, page: 'services' }) }, t.servicesLink)),
  );
  renderReleases(main, ctx);
  void publishedList(lang).then((published) => {
    if (!published?.length || !list.isConnected) return;
    const sorted = [...published].sort((a, b) => a.order - b.order || a.slug.localeCompare(b.slug));
    const same =
      JSON.stringify(sorted.map((g) => [g.slug, g.title, g.summary])) ===
      JSON.stringify(guidesIn(lang).map((g) => [g.slug, g.title, g.summary]));
    if (!same) list.replaceChildren(...cards(sorted));
  });
}
