// The results of a filtered list (people, cases, incidents): a heading, a status line read out
// by screen readers (loading, how many), the error of a failed search, the list the page draws,
// and "load more" by cursor.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../shared/components/alert';
import { errorMessage } from '../api/error-message';
import type { CursorList } from './cursor-list';

interface ResultsSectionProps<T, F> {
  /** Id of the heading, which names the section. */
  id: string;
  heading: string;
  list: CursorList<T, F>;
  /** The status line once the list is loaded (the count, or that there is nothing). */
  readyStatus: string | null;
  moreLabel: string;
  /** False hides "load more" where the page shows something other than the list (a map). */
  moreShown?: boolean;
  children: ReactNode;
}

export function ResultsSection<T, F>({
  id,
  heading,
  list,
  readyStatus,
  moreLabel,
  moreShown = true,
  children,
}: ResultsSectionProps<T, F>) {
  const { t } = useTranslation();
  const { state, loadingMore, moreError } = list;
  return (
    <section aria-labelledby={id} aria-busy={state.status === 'loading'}>
      <h2 id={id}>{heading}</h2>
      <div role="status" className="results-status">
        {state.status === 'loading' ? t('app.loading') : null}
        {state.status === 'ready' ? readyStatus : null}
      </div>
      {state.status === 'failed' ? <Alert tone="error">{errorMessage(state.error, t)}</Alert> : null}
      {children}
      {moreError ? <Alert tone="error">{errorMessage(moreError, t)}</Alert> : null}
      {moreShown && state.status === 'ready' && state.nextCursor ? (
        <p>
          <button
            type="button"
            className="button button--quiet"
            disabled={loadingMore}
            onClick={() => void list.loadMore()}
          >
            {loadingMore ? t('app.loading') : moreLabel}
          </button>
        </p>
      ) : null}
    </section>
  );
}
