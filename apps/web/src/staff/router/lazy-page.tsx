// Pages load on first visit (decision 0134): the staff app's first download is the shell, the
// login and the home, and each module's code arrives when someone opens it.
import { lazy } from 'react';
import type { ComponentType } from 'react';

export function lazyPage<M extends Record<string, unknown>, K extends keyof M & string>(
  load: () => Promise<M>,
  name: K,
): M[K] extends ComponentType<infer P> ? ComponentType<P> : never {
  return lazy(async () => ({ default: (await load())[name] as ComponentType<unknown> })) as never;
}
