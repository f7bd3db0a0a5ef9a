// Where this deployment is reached: the WebAuthn relying party (origin and RP ID) and the base of
// the OpenID Connect redirect URI. ACOMPANA_PUBLIC_URL decides in a real deployment; on a
// developer's machine (public URL on localhost or 127.0.0.1, the default) the request's own
// loopback host is used, so that any local port works. A Host header never chooses a non-local
// origin (docs/decisions/0130-passkeys-and-oidc.md).
import type { FastifyRequest } from 'fastify';
import type { AppConfig } from '../../kernel/config.ts';

const LOOPBACK = /^(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?$/;

export interface RelyingParty {
  origin: string;
  rpId: string;
  name: string;
}

export function publicOrigin(config: AppConfig, request: FastifyRequest): string {
  const configured = new URL(config.publicUrl ?? 'http://localhost:3000');
  const host = request.headers.host ?? '';
  if (LOOPBACK.test(configured.host) && LOOPBACK.test(host)) return `${request.protocol}://${host}`;
  return configured.origin;
}

export function relyingParty(config: AppConfig, request: FastifyRequest): RelyingParty {
  const origin = publicOrigin(config, request);
  return { origin, rpId: new URL(origin).hostname, name: 'Acompaña' };
}
