// Entry of the public portal (served at /, no login). Plain TypeScript and DOM, no framework:
// see docs/decisions/0107-public-portal.md. Paths carry the language: /es/, /en/, /fr/, /pt/, /ht/
// then "guides/<slug>" or "services". A bare / picks the kept language or the browser's.
import './styles.css';
import { LANGUAGES, LANGUAGE_NAMES, MESSAGES, isLang, pickLanguage, type Lang } from './i18n';
import { h } from './dom';
import { pathOf, type Context, type Route } from './context';
import { renderHome } from './views/home';
import { renderGuide } from './views/guide';
import { renderServices } from './views/services';

const STORAGE_KEY = 'acompana.portal.lang';

function storedLanguage(): Lang | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLang(value) ? value : null;
  } catch {
    return null;
  }
}

function keepLanguage(lang: Lang): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Private mode or storage full: the path still carries the language.
  }
}

function parseRoute(pathname: string): Route | null {
  const [lang, section, slug, ...rest] = pathname.split('/').filter(Boolean);
  if (!isLang(lang)) return null;
  if (!section) return { lang, page: 'home' };
  if (section === 'guides' && slug && rest.length === 0) return { lang, page: 'guide', slug };
  if (section === 'services' && !slug) return { lang, page: 'services' };
  return { lang, page: 'notfound' };
}

const root = document.getElementById('portal');
let current: Route = { lang: 'es', page: 'home' };
let renderToken = 0;

async function render(route: Route, moveFocus: boolean): Promise<void> {
  if (!root) return;
  const token = ++renderToken;
  current = route;
  const t = MESSAGES[route.lang];
  document.documentElement.lang = route.lang;
  const main = h('main', { id: 'main', tabindex: -1 });
  const ctx: Context = { lang: route.lang, t, setTitle: (title) => (document.title = `${title} · Acompaña`) };
  const languageLinks = LANGUAGES.map((lang) =>
    h(
      'li',
      {},
      h(
        'a',
        {
          href: pathOf({ ...route, lang } as Route),
          lang,
          hreflang: lang,
          'data-lang': lang,
          'aria-current': lang === route.lang ? 'true' : undefined,
        },
        LANGUAGE_NAMES[lang],
      ),
    ),
  );
  const section = (page: Route['page']): string | undefined =>
    route.page === page || (page === 'home' && route.page === 'guide') ? 'page' : undefined;
  const status = h('p', { className: 'net', role: 'status' }, navigator.onLine ? '' : t.offline);
  root.replaceChildren(
    h('a', { className: 'skip', href: '#main' }, t.skip),
    h(
      'header',
      { className: 'site' },
      h(
        'div',
        { className: 'brand-row' },
        h('a', { className: 'brand', href: pathOf({ lang: route.lang, page: 'home' }) }, 'Acompaña'),
        h('p', { className: 'tagline' }, t.tagline),
      ),
      h('nav', { className: 'langs', 'aria-label': t.language }, h('ul', {}, languageLinks)),
      h(
        'nav',
        { className: 'sections', 'aria-label': t.nav },
        h('ul', {}, [
          h(
            'li',
            {},
            h('a', { href: pathOf({ lang: route.lang, page: 'home' }), 'aria-current': section('home') }, t.navGuides),
          ),
          h(
            'li',
            {},
            h(
              'a',
              { href: pathOf({ lang: route.lang, page: 'services' }), 'aria-current': section('services') },
              t.navServices,
            ),
          ),
        ]),
      ),
    ),
    main,
    h('footer', { className: 'site' }, h('p', {}, t.privacy), status),
  );
  if (route.page === 'home') renderHome(main, ctx);
  else if (route.page === 'services') await renderServices(main, ctx);
  else if (route.page === 'guide') await renderGuide(main, ctx, route.slug);
  else {
    ctx.setTitle(t.notFound);
    main.append(
      h('h1', {}, t.notFound),
      h('p', {}, h('a', { href: pathOf({ lang: route.lang, page: 'home' }) }, t.back)),
    );
  }
  if (token !== renderToken) return;
  if (moveFocus) (main.querySelector('h1') ?? main).focus();
}

function go(path: string, push: boolean): void {
  const route = parseRoute(path) ?? {
    lang: storedLanguage() ?? pickLanguage(navigator.languages ?? [navigator.language]),
    page: 'home',
  };
  const target = pathOf(route);
  if (target !== location.pathname) history[push ? 'pushState' : 'replaceState'](null, '', target);
  void render(route, push);
}

document.addEventListener('click', (event) => {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
    return;
  const link = (event.target as Element | null)?.closest?.('a');
  if (!link || link.origin !== location.origin || link.hash || !parseRoute(link.pathname)) return;
  event.preventDefault();
  const lang = link.dataset.lang;
  if (isLang(lang)) keepLanguage(lang);
  go(link.pathname, true);
  window.scrollTo(0, 0);
});
window.addEventListener('popstate', () => go(location.pathname, false));
const showNetwork = (): void => {
  const status = document.querySelector('.net');
  if (status) status.textContent = navigator.onLine ? '' : MESSAGES[current.lang].offline;
};
window.addEventListener('online', showNetwork);
window.addEventListener('offline', showNetwork);

go(location.pathname, false);

// The service worker precaches the portal for offline use; it is served from / (its scope).
if ('serviceWorker' in navigator && location.protocol !== 'file:') {
  navigator.serviceWorker
    .register('/sw.js', { scope: '/' })
    .catch((error: unknown) => console.warn('service worker not registered', error));
}
