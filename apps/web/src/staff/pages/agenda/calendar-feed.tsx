// The iCal feed: a secret URL that a phone's calendar subscribes to. Issuing a new one revokes the
// old one; the feed shows procedure and step, never the person's name.
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../shared/components/alert';
import { errorMessage } from '../../api/error-message';
import { proceduresApi } from '../people/people-api';
import { focusWhenPresent } from '../../../shared/focus-when-present';

export function CalendarFeed() {
  const { t } = useTranslation();
  const [url, setUrl] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  async function issue() {
    setBusy(true);
    setError(null);
    setMessage(null);
    try {
      const { url: path } = await proceduresApi.issueFeed();
      setUrl(new URL(path, window.location.origin).toString());
      setMessage(t('agenda.feed.issued'));
      focusWhenPresent(() => inputRef.current);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  async function revoke() {
    setBusy(true);
    setError(null);
    setMessage(null);
    try {
      await proceduresApi.revokeFeed();
      setUrl(null);
      setMessage(t('agenda.feed.revoked'));
      focusWhenPresent(() => document.getElementById('feed-issue'));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  async function copy() {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      setMessage(t('agenda.feed.copied'));
    } catch {
      inputRef.current?.select();
      setMessage(t('agenda.feed.copyManually'));
    }
  }

  return (
    <section aria-labelledby="feed-title" className="card section-card calendar-feed">
      <h2 id="feed-title">{t('agenda.feed.title')}</h2>
      <p>{t('agenda.feed.intro')}</p>
      <p>{t('filing.feedAlarms')}</p>
      <Alert tone="warning">{t('agenda.feed.warning')}</Alert>
      {url ? (
        <div className="field">
          <label className="field__label" htmlFor="feed-url">
            {t('agenda.feed.url')}
          </label>
          <input
            ref={inputRef}
            id="feed-url"
            className="field__input feed-url"
            readOnly
            value={url}
            onFocus={(e) => e.target.select()}
          />
        </div>
      ) : null}
      <div className="form__actions">
        <button
          id="feed-issue"
          type="button"
          className="button button--primary"
          disabled={busy}
          onClick={() => void issue()}
        >
          {url ? t('agenda.feed.reissue') : t('agenda.feed.issue')}
        </button>
        {url ? (
          <button type="button" className="button button--quiet" onClick={() => void copy()}>
            {t('agenda.feed.copy')}
          </button>
        ) : null}
        <button type="button" className="button button--quiet" disabled={busy} onClick={() => void revoke()}>
          {t('agenda.feed.revoke')}
        </button>
      </div>
      <div role="status" className="feed-status">
        {message}
      </div>
      {error ? <Alert tone="error">{errorMessage(error, t)}</Alert> : null}
    </section>
  );
}
