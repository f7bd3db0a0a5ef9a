// Who is logged in. Loaded once from GET /api/me; login, organisation switch and 2FA enrolment
// hand back a fresh Me, and any 401 from the API drops the user back to the login screen.
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import type { Me } from '../api/api-types';
import { ApiError, onUnauthenticated, setCsrfToken } from '../api/client';
import { staffApi } from '../api/staff-api';
import { queryClient } from '../api/query-client';
import { changeLanguage, currentLanguage } from '../../i18n/i18n';

/** Why the user sees the login screen, so that it can say so. */
export type SignedOutReason = 'loggedOut' | 'loggedOutAll' | 'expired';

export type SessionState =
  | { status: 'loading' }
  | { status: 'failed'; error: unknown }
  | { status: 'anonymous'; reason: SignedOutReason | null }
  | { status: 'authenticated'; me: Me };

interface SessionApi {
  state: SessionState;
  signedIn: (me: Me, csrfToken?: string) => void;
  reload: () => Promise<void>;
  logout: (everywhere: boolean) => Promise<void>;
}

const SessionContext = createContext<SessionApi | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  const signedIn = useCallback((me: Me, csrfToken?: string) => {
    setCsrfToken(csrfToken ?? me.csrfToken);
    // The account's remembered language wins over this browser's (decision 0134).
    if (me.account.locale !== currentLanguage()) void changeLanguage(me.account.locale);
    setState({ status: 'authenticated', me });
  }, []);

  const signedOut = useCallback((reason: SignedOutReason | null) => {
    setCsrfToken(null);
    // Nothing one account read may be shown to the next one on this browser.
    queryClient.clear();
    setState({ status: 'anonymous', reason });
  }, []);

  const reload = useCallback(async () => {
    try {
      signedIn(await staffApi.me());
    } catch (error) {
      if (error instanceof ApiError && error.status === 401)
        signedOut(error.code === 'auth.session_expired' ? 'expired' : null);
      else setState({ status: 'failed', error });
    }
  }, [signedIn, signedOut]);

  const logout = useCallback(
    async (everywhere: boolean) => {
      try {
        await (everywhere ? staffApi.logoutAll() : staffApi.logout());
      } catch (error) {
        // A session that is already gone is as good as logged out; anything else is worth retrying.
        if (!(error instanceof ApiError && error.status === 401)) throw error;
      }
      signedOut(everywhere ? 'loggedOutAll' : 'loggedOut');
    },
    [signedOut],
  );

  useEffect(() => {
    void reload();
  }, [reload]);

  useEffect(
    () =>
      onUnauthenticated(() => {
        setState((current) =>
          current.status === 'authenticated' ? { status: 'anonymous', reason: 'expired' } : current,
        );
        setCsrfToken(null);
      }),
    [],
  );

  const api = useMemo(() => ({ state, signedIn, reload, logout }), [state, signedIn, reload, logout]);
  return <SessionContext.Provider value={api}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionApi {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider'); // programming error, not user-facing
  return session;
}

/** For components that only render inside the signed-in shell. */
export function useMe(): Me {
  const { state } = useSession();
  if (state.status !== 'authenticated') throw new Error('useMe without a signed-in user');
  return state.me;
}
