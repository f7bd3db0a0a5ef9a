// Editing one guide in one language: Markdown with front matter in a text area, a live preview
// with the portal's own parser, image upload, save as a new draft version, publish, and the
// version history. A translation starts from the published Spanish text and shows when Spanish
// has changed since it was made.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../../../shared/styles/records.css';
import './portal.css';
import { Alert } from '../../../shared/components/alert';
import { PageTitle } from '../../../shared/components/page-title';
import { currentLanguage } from '../../../i18n/i18n';
import { ApiError } from '../../api/client';
import { errorMessage } from '../../api/error-message';
import { Link } from '../../router/router';
import { formatInstant } from '../people/reference-data';
import { GuidePreview } from './guide-preview';
import { newGuideTemplate, portalApi } from './portal-api';
import type { PortalGuideLang, PortalLang } from './portal-api';
import { editorPath, portalPath } from './portal-guides-page';

type Load =
  { status: 'loading' } | { status: 'failed'; error: unknown } | { status: 'ready'; guide: PortalGuideLang | null };

export function PortalEditorPage({ slug, lang }: { slug: string; lang: PortalLang }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [markdown, setMarkdown] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [alt, setAlt] = useState('');
  const fileRef = useRef<HTMLInputElement>(null);
  const languageName = t(`portal.languages.${lang}`);

  const refresh = useCallback(async (): Promise<PortalGuideLang | null> => {
    try {
      const guide = await portalApi.guide(slug, lang);
      setLoad({ status: 'ready', guide });
      return guide;
    } catch (failure) {
      if (failure instanceof ApiError && failure.status === 404) {
        setLoad({ status: 'ready', guide: null });
        return null;
      }
      setLoad({ status: 'failed', error: failure });
      return null;
    }
  }, [slug, lang]);

  useEffect(() => {
    void (async () => {
      const guide = await refresh();
      let text = guide?.latest?.markdown ?? null;
      if (text === null && guide?.sourcePublishedVersion)
        text = (await portalApi.version(slug, 'es', guide.sourcePublishedVersion)).markdown.replace(
          /^translationStatus: .*$/m,
          'translationStatus: draft',
        );
      text ??= newGuideTemplate(new Date().toISOString().slice(0, 10));
      setMarkdown(text);
      setSaved(guide?.latest?.markdown ?? null);
    })().catch((failure: unknown) => setLoad({ status: 'failed', error: failure }));
  }, [refresh, slug]);

  async function run(action: () => Promise<string>) {
    setBusy(true);
    setError(null);
    setMessage('');
    try {
      setMessage(await action());
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  const saveDraft = async (): Promise<number> => {
    const version = await portalApi.save(slug, lang, markdown);
    setSaved(markdown);
    await refresh();
    return version.version;
  };

  const publish = () =>
    run(async () => {
      const guide = load.status === 'ready' ? load.guide : null;
      const latest = guide?.latest;
      const version =
        markdown !== saved || !latest || latest.status === 'published' ? await saveDraft() : latest.version;
      await portalApi.publish(slug, lang, version);
      await refresh();
      return t('portal.editor.published', { version });
    });

  const upload = () =>
    run(async () => {
      const file = fileRef.current?.files?.[0];
      if (!file) return '';
      const image = await portalApi.uploadImage(slug, file, language);
      setMarkdown((text) => `${text.replace(/\n*$/, '\n\n')}![${alt.replace(/[[\]]/g, '')}](${image.url})\n`);
      if (fileRef.current) fileRef.current.value = '';
      setAlt('');
      return t('portal.editor.imageAdded');
    });

  if (load.status === 'loading') return <p role="status">{t('app.loading')}</p>;
  const guide = load.status === 'ready' ? load.guide : null;
  const cell = guide?.cell;
  return (
    <>
      <PageTitle appName={t('app.name')}>{t('portal.editor.title', { slug, language: languageName })}</PageTitle>
      <p>
        <Link to={portalPath}>{t('portal.editor.back')}</Link>
      </p>
      {load.status === 'failed' ? <Alert tone="error">{errorMessage(load.error, t)}</Alert> : null}
      {cell ? (
        <p className={`portal-cell portal-cell--${cell.status}`}>
          {t('portal.editor.state', { status: t(`portal.status.${cell.status}`) })}
        </p>
      ) : null}
      {cell?.status === 'out_of_date' ? (
        <Alert tone="warning">
          {t('portal.editor.outOfDate', { from: cell.sourceVersion ?? 0, to: guide?.sourcePublishedVersion ?? 0 })}{' '}
          <Link to={editorPath(slug, 'es')}>{t('portal.editor.openSpanish')}</Link>
        </Alert>
      ) : null}
      <div className="portal-editor">
        <div className="portal-editor__source">
          <label htmlFor="portal-markdown">{t('portal.editor.markdown')}</label>
          <p id="portal-markdown-hint" className="field__hint">
            {t('portal.editor.markdownHint')}
          </p>
          <textarea
            id="portal-markdown"
            lang={lang}
            spellCheck
            value={markdown}
            onChange={(e) => setMarkdown(e.target.value)}
            aria-describedby="portal-markdown-hint"
            rows={24}
          />
          <fieldset className="portal-editor__image">
            <legend>{t('portal.editor.imageLegend')}</legend>
            <label htmlFor="portal-image-alt">{t('portal.editor.imageAlt')}</label>
            <input id="portal-image-alt" value={alt} onChange={(e) => setAlt(e.target.value)} />
            <label htmlFor="portal-image-file">{t('portal.editor.imageFile')}</label>
            <input id="portal-image-file" ref={fileRef} type="file" accept="image/png,image/jpeg,image/webp" />
            <button type="button" className="button" disabled={busy || !guide} onClick={() => void upload()}>
              {t('portal.editor.imageUpload')}
            </button>
            {!guide ? <p className="field__hint">{t('portal.editor.imageAfterSave')}</p> : null}
          </fieldset>
          <div className="portal-editor__actions">
            <button
              type="button"
              className="button"
              disabled={busy || markdown === saved}
              onClick={() => void run(async () => t('portal.editor.saved', { version: await saveDraft() }))}
            >
              {t('portal.editor.saveDraft')}
            </button>
            <button type="button" className="button button--primary" disabled={busy} onClick={() => void publish()}>
              {t('portal.editor.publish')}
            </button>
          </div>
          <div role="status" className="results-status">
            {message}
          </div>
          {error ? <Alert tone="error">{errorMessage(error, t)}</Alert> : null}
        </div>
        <section className="portal-editor__preview" aria-labelledby="portal-preview-title">
          <h2 id="portal-preview-title">{t('portal.editor.preview')}</h2>
          <GuidePreview markdown={markdown} lang={lang} slug={slug} />
        </section>
      </div>
      <section aria-labelledby="portal-history">
        <h2 id="portal-history">{t('portal.editor.history')}</h2>
        {guide && guide.versions.length > 0 ? (
          <ol className="portal-history" reversed>
            {guide.versions.map((v) => (
              <li key={v.version}>
                <span>
                  {[
                    t('portal.editor.versionLabel', { version: v.version }),
                    t(`portal.status.${v.status}`),
                    formatInstant(v.publishedAt ?? v.createdAt, language),
                    v.authorEmail ?? t('portal.editor.shipped'),
                    v.sourceVersion ? t('portal.editor.fromSpanish', { version: v.sourceVersion }) : null,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </span>{' '}
                <button
                  type="button"
                  className="button button--quiet"
                  disabled={busy}
                  onClick={() =>
                    void run(
                      async () => (
                        setMarkdown((await portalApi.version(slug, lang, v.version)).markdown),
                        t('portal.editor.loaded', { version: v.version })
                      ),
                    )
                  }
                >
                  {t('portal.editor.load', { version: v.version })}
                </button>
              </li>
            ))}
          </ol>
        ) : (
          <p>{t('portal.editor.noVersions')}</p>
        )}
      </section>
    </>
  );
}
