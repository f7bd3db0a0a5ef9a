// The organisation the user is working for. Every record belongs to one organisation, so the
// server keeps the active one in the session; switching asks it and takes the Me it returns.
import { useId, useState } from 'react';
import type { ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/error-message';
import { staffApi } from '../api/staff-api';
import { useMe, useSession } from '../session/session-context';

export function OrgSwitcher() {
  const { t } = useTranslation();
  const me = useMe();
  const { signedIn } = useSession();
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (me.memberships.length === 0) return null;

  const onChange = async (event: ChangeEvent<HTMLSelectElement>) => {
    const orgId = event.target.value;
    setBusy(true);
    setError(null);
    try {
      signedIn(await staffApi.setActiveOrg(orgId));
    } catch (failure) {
      setError(`${t('header.orgSwitchFailed')} ${errorMessage(failure, t)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={me.memberships.length === 1 ? 'org-switcher org-switcher--single' : 'org-switcher'}>
      <label className="org-switcher__label" htmlFor={id}>
        {t('header.organization')}
      </label>
      <select
        id={id}
        className="org-switcher__select"
        value={me.activeOrg?.id ?? ''}
        onChange={(event) => void onChange(event)}
        disabled={busy}
        aria-busy={busy || undefined}
      >
        {me.activeOrg ? null : (
          <option value="" disabled>
            —
          </option>
        )}
        {me.memberships.map((membership) => (
          <option key={membership.org.id} value={membership.org.id}>
            {membership.org.name}
          </option>
        ))}
      </select>
      {error ? (
        <p className="org-switcher__error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
