// Calls of the account lifecycle (docs/decisions/0129-accounts-only-the-owner-controls.md). The
// link routes are public: the token read from the URL fragment goes in the body.
import { startAuthentication } from '@simplewebauthn/browser';
import type { PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/browser';
import type { InvitationInfo, ResetInfo } from '@acompana/core/api';
import type { LoginResponse, TotpSetup } from '../../api/api-types';
import { apiRequest } from '../../api/client';

export const accountApi = {
  inspectInvitation: (token: string) =>
    apiRequest<InvitationInfo>('POST', '/api/account/invitation/inspect', {
      body: { token },
      expectUnauthenticated: true,
    }),
  acceptInvitation: (body: { token: string; password: string; totp?: string }) =>
    apiRequest<LoginResponse>('POST', '/api/account/invitation/accept', { body, expectUnauthenticated: true }),
  forgot: (email: string) =>
    apiRequest<object>('POST', '/api/auth/password/forgot', { body: { email }, expectUnauthenticated: true }),
  inspectReset: (token: string) =>
    apiRequest<ResetInfo>('POST', '/api/auth/password/reset/inspect', { body: { token }, expectUnauthenticated: true }),
  reset: (body: { token: string; password: string; totp?: string; recoveryCode?: string }) =>
    apiRequest<null>('POST', '/api/auth/password/reset', { body, expectUnauthenticated: true }),
  changePassword: (body: { currentPassword: string; newPassword: string }) =>
    apiRequest<null>('POST', '/api/account/password', { body }),
  recoveryCodesLeft: () => apiRequest<{ remaining: number }>('GET', '/api/account/recovery-codes'),
  newRecoveryCodes: (password: string) =>
    apiRequest<{ codes: string[] }>('POST', '/api/account/recovery-codes', { body: { password } }),
  /** Proves the password again: for five minutes this session may make sensitive changes (decision 0140). */
  reauthenticate: (password: string) =>
    apiRequest<{ validUntil: string }>('POST', '/api/account/reauthenticate', { body: { password } }),
  /** The same with one of the account's passkeys. */
  async reauthenticateWithPasskey(): Promise<{ validUntil: string }> {
    const options = await apiRequest<PublicKeyCredentialRequestOptionsJSON>('POST', '/api/auth/passkeys/options');
    const passkey = await startAuthentication({ optionsJSON: options });
    return apiRequest<{ validUntil: string }>('POST', '/api/account/reauthenticate', { body: { passkey } });
  },
  replaceTotpSetup: () => apiRequest<TotpSetup>('POST', '/api/account/totp/replace/setup'),
  replaceTotpConfirm: (code: string) =>
    apiRequest<null>('POST', '/api/account/totp/replace/confirm', { body: { code } }),
};

/** The token of a link: `#token=…` (kept out of server logs and Referer headers). */
export function linkToken(): string {
  return new URLSearchParams(window.location.hash.slice(1)).get('token') ?? '';
}
