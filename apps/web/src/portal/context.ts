// What every portal view receives.
import type { Lang, Messages } from './i18n';

export type Route =
  | { lang: Lang; page: 'home' }
  | { lang: Lang; page: 'services' }
  | { lang: Lang; page: 'guide'; slug: string }
  | { lang: Lang; page: 'notfound' };

export interface Context {
  lang: Lang;
  t: Messages;
  setTitle(title: string): void;
}

export function pathOf(route: Route): string {
  if (route.page === 'guide') return `/${route.lang}/guides/${route.slug}`;
  if (route.page === 'services') return `/${route.lang}/services`;
  return `/${route.lang}/`;
}
