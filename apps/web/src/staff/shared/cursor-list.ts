// State of a filtered list read page by page ("load more" by cursor), shared by the people,
// cases and incidents lists: a new search aborts the one still running, so that a slow answer
// to old filters never overwrites the answer to the new ones.
import { useCallback, useEffect, useRef, useState } from 'react';
import { focusWhenPresent } from '../../shared/focus-when-present';

export interface CursorPage<T> {
  items: T[];
  nextCursor: string | null;
}

export type ListState<T, F> =
  | { status: 'loading' }
  | { status: 'failed'; error: unknown }
  | { status: 'ready'; items: T[]; nextCursor: string | null; filters: F };

export interface CursorList<T, F> {
  state: ListState<T, F>;
  /** The loaded items, empty until the first page is there. */
  items: T[];
  loadingMore: boolean;
  moreError: unknown;
  search: (filters: F) => Promise<void>;
  loadMore: () => Promise<void>;
}

/**
 * `fetchPage` must be stable (module level or useCallback): the first search runs when it changes.
 * With `focusId`, the first item of every further page takes focus, so that keyboard and
 * screen-reader users land on what was added instead of on a button that may have gone.
 */
export function useCursorList<T, F extends { cursor?: string | undefined }>(
  fetchPage: (filters: F, signal?: AbortSignal) => Promise<CursorPage<T>>,
  focusId?: (item: T) => string,
): CursorList<T, F> {
  const [state, setState] = useState<ListState<T, F>>({ status: 'loading' });
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<unknown>(null);
  const abortRef = useRef<AbortController | null>(null);
  // "Load more" of the current list: a new search cancels it, so a slow page of an older search can
  // never land on top of the newer search's results.
  const moreAbortRef = useRef<AbortController | null>(null);

  const search = useCallback(
    async (filters: F) => {
      abortRef.current?.abort();
      moreAbortRef.current?.abort();
      setLoadingMore(false);
      const controller = new AbortController();
      abortRef.current = controller;
      setState({ status: 'loading' });
      setMoreError(null);
      try {
        const page = await fetchPage(filters, controller.signal);
        setState({ status: 'ready', items: page.items, nextCursor: page.nextCursor, filters });
      } catch (error) {
        if (error instanceof DOMException && error.name === 'AbortError') return;
        setState({ status: 'failed', error });
      }
    },
    [fetchPage],
  );

  useEffect(() => {
    void search({} as F);
    return () => {
      abortRef.current?.abort();
      moreAbortRef.current?.abort();
    };
  }, [search]);

  async function loadMore() {
    if (state.status !== 'ready' || !state.nextCursor) return;
    moreAbortRef.current?.abort();
    const controller = new AbortController();
    moreAbortRef.current = controller;
    const { filters } = state;
    setLoadingMore(true);
    setMoreError(null);
    try {
      const page = await fetchPage({ ...filters, cursor: state.nextCursor }, controller.signal);
      if (controller.signal.aborted) return;
      // Appended only to the list it was asked for (the same search), never to a newer one.
      setState((current) =>
        current.status === 'ready' && current.filters === filters
          ? { ...current, items: [...current.items, ...page.items], nextCursor: page.nextCursor }
          : current,
      );
      const first = page.items[0];
      if (first && focusId) {
        const id = focusId(first);
        focusWhenPresent(() => document.getElementById(id));
      }
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') return;
      setMoreError(error);
    } finally {
      if (moreAbortRef.current === controller) setLoadingMore(false);
    }
  }

  return { state, items: state.status === 'ready' ? state.items : [], loadingMore, moreError, search, loadMore };
}
