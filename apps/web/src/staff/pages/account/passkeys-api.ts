// Passkeys and the organisation's provider, as the staff app calls them (server: auth/passkeys,
// auth/oidc; docs/decisions/0130-passkeys-and-oidc.md). The browser half of WebAuthn is
// @simplewebauthn/browser, which turns the server's JSON options into navigator.credentials calls.
import { startAuthentication, startRegistration } from '@simplewebauthn/browser';
import type {
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
} from '@simplewebauthn/browser';
import type { LoginResponse } from '../../api/api-types';
import { apiRequest } from '../../api/client';

export interface PasskeySummary {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  backedUp: boolean;
}

export const passkeysApi = {
  list: () => apiRequest<{ items: PasskeySummary[] }>('GET', '/api/auth/passkeys'),
  async register(name: string): Promise<PasskeySummary> {
    const options = await apiRequest<PublicKeyCredentialCreationOptionsJSON>(
      'POST',
      '/api/auth/passkeys/register/options',
    );
    const response = await startRegistration({ optionsJSON: options });
    return apiRequest<PasskeySummary>('POST', '/api/auth/passkeys/register/verify', { body: { name, response } });
  },
  remove: (id: string) => apiRequest<null>('DELETE', `/api/auth/passkeys/${encodeURIComponent(id)}`),
  /** Sign in with a passkey alone (the authenticator picks the account). */
  async signIn(): Promise<LoginResponse> {
    const options = await apiRequest<PublicKeyCredentialRequestOptionsJSON>('POST', '/api/auth/passkeys/options', {
      expectUnauthenticated: true,
    });
    const response = await startAuthentication({ optionsJSON: options });
    return apiRequest<LoginResponse>('POST', '/api/auth/passkeys/login', {
      body: { response },
      expectUnauthenticated: true,
    });
  },
  /** Password plus a passkey in place of the TOTP code. */
  async secondFactor(email: string, password: string): Promise<LoginResponse> {
    const options = await apiRequest<PublicKeyCredentialRequestOptionsJSON>('POST', '/api/auth/passkeys/options', {
      expectUnauthenticated: true,
    });
    const response = await startAuthentication({ optionsJSON: options });
    return apiRequest<LoginResponse>('POST', '/api/auth/passkeys/second-factor', {
      body: { email, password, response },
      expectUnauthenticated: true,
    });
  },
  /** After the organisation's provider, when it does not take care of the second factor. */
  oidcSecondFactor: (totp: string) =>
    apiRequest<LoginResponse>('POST', '/api/auth/oidc/second-factor', {
      body: { totp },
      expectUnauthenticated: true,
    }),
};

/** The browser refused or the user cancelled: not a server error, no server message. */
export function isWebAuthnCancel(error: unknown): boolean {
  return error instanceof Error && (error.name === 'NotAllowedError' || error.name === 'AbortError');
}
