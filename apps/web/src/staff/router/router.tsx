// A small router on the History API: the staff app has a handful of flat paths, so a library
// would cost more bytes than it saves. Paths inside the app are written without the /app prefix.
import { useSyncExternalStore } from 'react';
import type { AnchorHTMLAttributes, MouseEvent, ReactNode } from 'react';

export const basePath = '/app';
const changeEvent = 'acompana:navigate';

/** The in-app path of a browser pathname: '/app/people' → '/people', '/app' → '/'. */
export function toAppPath(pathname: string): string {
  if (pathname === basePath || pathname === `${basePath}/`) return '/';
  if (pathname.startsWith(`${basePath}/`)) {
    const rest = pathname.slice(basePath.length).replace(/\/+$/, '');
    return rest === '' ? '/' : rest;
  }
  return pathname;
}

export function toHref(appPath: string): string {
  return appPath === '/' ? `${basePath}/` : `${basePath}${appPath}`;
}

function subscribe(callback: () => void): () => void {
  window.addEventListener('popstate', callback);
  window.addEventListener(changeEvent, callback);
  return () => {
    window.removeEventListener('popstate', callback);
    window.removeEventListener(changeEvent, callback);
  };
}

function snapshot(): string {
  return toAppPath(window.location.pathname) + window.location.search;
}

export function navigate(appPath: string, options: { replace?: boolean } = {}): void {
  const href = toHref(appPath);
  if (href === window.location.pathname + window.location.search) return;
  if (options.replace) window.history.replaceState(null, '', href);
  else window.history.pushState(null, '', href);
  window.dispatchEvent(new Event(changeEvent));
}

/** The current in-app path, with its query string ('/login?next=%2Fpeople'). */
export function useLocation(): { path: string; search: URLSearchParams } {
  const current = useSyncExternalStore(subscribe, snapshot);
  const queryAt = current.indexOf('?');
  const path = queryAt === -1 ? current : current.slice(0, queryAt);
  const search = new URLSearchParams(queryAt === -1 ? '' : current.slice(queryAt));
  return { path, search };
}

type LinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> & {
  to: string;
  children: ReactNode;
};

/** A real <a href> (so open-in-new-tab and middle-click work) that navigates in place. */
export function Link({ to, onClick, children, ...rest }: LinkProps) {
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  return (
    <a href={toHref(to)} onClick={handleClick} {...rest}>
      {children}
    </a>
  );
}
