// Portal content: every guide × language with its state (published, draft, out of date because
// the Spanish text changed since the translation, missing), each cell a link to the editor; and a
// way to start a new guide (its Spanish version comes first).
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import '../../../shared/styles/records.css';
import './portal.css';
import { Alert } from '../../../shared/components/alert';
import { PageTitle } from '../../../shared/components/page-title';
import { errorMessage } from '../../api/error-message';
import { Link, navigate } from '../../router/router';
import { portalApi, portalLanguages } from './portal-api';
import type { PortalCell, PortalOverview } from './portal-api';

export const portalPath = '/portal';
export const editorPath = (slug: string, lang: string) => `/portal/guides/${slug}/${lang}`;

type State =
  { status: 'loading' } | { status: 'failed'; error: unknown } | { status: 'ready'; overview: PortalOverview };

export function PortalGuidesPage() {
  const { t } = useTranslation();
  const [state, setState] = useState<State>({ status: 'loading' });
  const [slug, setSlug] = useState('');
  const slugValid = /^[a-z0-9][a-z0-9-]{0,79}$/.test(slug);

  useEffect(() => {
    const controller = new AbortController();
    portalApi.overview(controller.signal).then(
      (overview) => setState({ status: 'ready', overview }),
      (error: unknown) =>
        !(error instanceof DOMException && error.name === 'AbortError') && setState({ status: 'failed', error }),
    );
    return () => controller.abort();
  }, []);

  function create(event: FormEvent) {
    event.preventDefault();
    if (slugValid) navigate(editorPath(slug, 'es'));
  }

  const label = (cell: PortalCell) =>
    t(`portal.status.${cell.status}`) +
    (cell.hasDraft && cell.status !== 'draft' ? ` · ${t('portal.status.draftPending')}` : '');
  return (
    <>
      <PageTitle appName={t('app.name')}>{t('portal.title')}</PageTitle>
      <p>{t('portal.intro')}</p>
      <section aria-labelledby="portal-table" aria-busy={state.status === 'loading'}>
        <h2 id="portal-table">{t('portal.tableTitle')}</h2>
        <div role="status" className="results-status">
          {state.status === 'loading' ? t('app.loading') : null}
        </div>
        {state.status === 'failed' ? <Alert tone="error">{errorMessage(state.error, t)}</Alert> : null}
        {state.status === 'ready' ? (
          <div className="portal-table__scroll">
            <table className="portal-table">
              <caption className="visually-hidden">{t('portal.tableCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('portal.guide')}</th>
                  {portalLanguages.map((lang) => (
                    <th scope="col" key={lang}>
                      {t(`portal.languages.${lang}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {state.overview.guides.map((guide) => (
                  <tr key={guide.slug}>
                    <th scope="row">
                      {guide.title}
                      <span className="portal-table__slug">{guide.slug}</span>
                    </th>
                    {portalLanguages.map((lang) => {
                      const cell = guide.cells[lang];
                      if (!cell) return <td key={lang} />;
                      return (
                        <td key={lang} className={`portal-cell portal-cell--${cell.status}`}>
                          <Link
                            to={editorPath(guide.slug, lang)}
                            aria-label={t('portal.cellLabel', {
                              guide: guide.title,
                              language: t(`portal.languages.${lang}`),
                              status: label(cell),
                            })}
                          >
                            {label(cell)}
                          </Link>
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
      <section aria-labelledby="portal-new">
        <h2 id="portal-new">{t('portal.newTitle')}</h2>
        <form className="portal-new" onSubmit={create}>
          <label htmlFor="portal-new-slug">{t('portal.newSlug')}</label>
          <input
            id="portal-new-slug"
            value={slug}
            onChange={(e) => setSlug(e.target.value.trim().toLowerCase())}
            aria-describedby="portal-new-hint"
            autoComplete="off"
          />
          <p id="portal-new-hint" className="field__hint">
            {t('portal.newSlugHint')}
          </p>
          <button type="submit" className="button button--primary" disabled={!slugValid}>
            {t('portal.newSubmit')}
          </button>
        </form>
      </section>
    </>
  );
}
