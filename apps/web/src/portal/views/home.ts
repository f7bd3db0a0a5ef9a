// Home: the guides in the reader's language and the way to the services list.
import { h } from '../dom';
import { guidesIn } from '../content';
import { pathOf, type Context } from '../context';

export function renderHome(main: HTMLElement, ctx: Context): void {
  const { t, lang } = ctx;
  ctx.setTitle(t.homeTitle);
  main.append(
    h('h1', { tabindex: -1 }, t.homeTitle),
    h('p', { className: 'lead' }, t.homeIntro),
    h('h2', {}, t.guidesTitle),
    h(
      'ul',
      { className: 'cards' },
      guidesIn(lang).map((guide) =>
        h('li', { className: 'card' }, h('h3', {}, h('a', { href: pathOf({ lang, page: 'guide', slug: guide.slug }) }, guide.title)), h('p', {}, guide.summary)),
      ),
    ),
    h('h2', {}, t.servicesTitle),
    h('p', {}, h('a', { className: 'button', href: pathOf({ lang, page: 'services' }) }, t.servicesLink)),
  );
}
