// What the signed-in account may see and do in its active organisation, as the server computes it
// with can() (GET /api/me/capabilities, decision 0134). Navigation, buttons and routes ask here;
// the server still decides every request.
import { createContext, useContext, useMemo } from 'react';
import type { ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Capabilities, StaffAction, StaffModule } from '@acompana/core/api';
import { Alert } from '../../shared/components/alert';
import { setDisplayTimeZone } from '../../shared/components/time-zone';
import { apiRequest } from '../api/client';
import { errorMessage } from '../api/error-message';

interface CapabilitiesState {
  capabilities: Capabilities | null;
  /** Still loading (or failed to load) for an account that will have some. */
  pending: boolean;
  error: unknown;
  retry: () => void;
}

const CapabilitiesContext = createContext<CapabilitiesState>({
  capabilities: null,
  pending: false,
  error: null,
  retry: () => undefined,
});

export const capabilitiesKey = (orgId: string | null) => ['capabilities', orgId] as const;

/**
 * Loads the capabilities of the active organisation. It never unmounts what it wraps (a page
 * keeps its state when two-factor enrolment ends); until they arrive the navigation shows no
 * module and a page that needs one waits (GuardedPage in app.tsx).
 */
export function CapabilitiesProvider({
  enabled,
  orgId,
  children,
}: {
  enabled: boolean;
  orgId: string | null;
  children: ReactNode;
}) {
  const query = useQuery({
    queryKey: capabilitiesKey(orgId),
    queryFn: ({ signal }) => apiRequest<Capabilities>('GET', '/api/me/capabilities', { signal }),
    staleTime: 5 * 60_000,
    enabled,
  });
  // Times are shown in the organisation's zone from now on.
  setDisplayTimeZone(query.data?.timeZone);
  const value = useMemo<CapabilitiesState>(
    () => ({
      capabilities: enabled ? (query.data ?? null) : null,
      pending: enabled && !query.data,
      error: enabled ? query.error : null,
      retry: () => void query.refetch(),
    }),
    [enabled, query],
  );
  return <CapabilitiesContext.Provider value={value}>{children}</CapabilitiesContext.Provider>;
}

/** What a page that needs capabilities shows while they load, or when they could not be loaded. */
export function CapabilitiesPending() {
  const { t } = useTranslation();
  const { error, retry } = useContext(CapabilitiesContext);
  if (error)
    return (
      <>
        <Alert tone="error">{errorMessage(error, t)}</Alert>
        <button type="button" className="button button--primary" onClick={retry}>
          {t('app.retry')}
        </button>
      </>
    );
  return (
    <div className="page-loading" aria-busy="true">
      <p className="muted">{t('app.loading')}</p>
    </div>
  );
}

export function useCapabilitiesPending(): boolean {
  return useContext(CapabilitiesContext).pending;
}

/** Null while two-factor enrolment is still required (there is nothing to do yet). */
export function useCapabilities(): Capabilities | null {
  return useContext(CapabilitiesContext).capabilities;
}

export function useCan(action: StaffAction): boolean {
  return useContext(CapabilitiesContext).capabilities?.actions[action] === true;
}

export function useModuleAllowed(module: StaffModule): boolean {
  return useContext(CapabilitiesContext).capabilities?.modules[module] === true;
}

/** The active organisation's time zone (times are shown in it, not the browser's). */
export function useOrgTimeZone(): string {
  return useContext(CapabilitiesContext).capabilities?.timeZone ?? 'America/Mexico_City';
}
