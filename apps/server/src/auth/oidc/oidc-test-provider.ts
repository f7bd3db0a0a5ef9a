// A real OpenID Connect provider (oidc-provider) on 127.0.0.1 and a free port, for the tests, and
// a user agent that walks its login and consent pages with fetch and a cookie jar, the way a
// browser would (docs/decisions/0130-passkeys-and-oidc.md).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export interface IdpUser {
  email: string;
  email_verified: boolean;
  groups?: string[];
}

export interface TestIdp {
  issuer: string;
  clientId: string;
  clientSecret: string;
  users: Map<string, IdpUser>;
  /**
   * Follows the provider from the authorization URL through login (as `sub`) and consent, and
   * returns the redirect back to Acompaña (its full URL, not followed).
   */
  signIn(authorizationUrl: string, sub: string): Promise<URL>;
  close(): Promise<void>;
}

export async function startTestIdp(redirectUri: string): Promise<TestIdp> {
  // The provider needs its issuer URL, which needs the port: the server starts before it exists.
  const route: { handler?: (req: never, res: never) => void } = {};
  const server: Server = createServer((req, res) => route.handler?.(req as never, res as never));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const users = new Map<string, IdpUser>();
  const clientId = 'acompana';
  const clientSecret = 'a-synthetic-client-secret-for-tests-0123456789';
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'groups'] },
    findAccount: async (_ctx, sub) => {
      const user = users.get(sub);
      return user ? { accountId: sub, claims: async () => ({ sub, ...user }) } : undefined;
    },
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ['synthetic-cookie-key-for-tests'] },
  });
  route.handler = provider.callback() as never;

  async function signIn(authorizationUrl: string, sub: string): Promise<URL> {
    const jar = new Map<string, string>();
    const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const remember = (response: Response) => {
      for (const line of response.headers.getSetCookie()) {
        const [pair] = line.split(';');
        const at = pair!.indexOf('=');
        jar.set(pair!.slice(0, at), pair!.slice(at + 1));
      }
    };
    let url = new URL(authorizationUrl);
    for (let hop = 0; hop < 20; hop++) {
      if (!url.href.startsWith(issuer)) return url; // back to Acompaña
      const response = await fetch(url, { redirect: 'manual', headers: { cookie: cookieHeader() } });
      remember(response);
      if (response.status >= 300 && response.status < 400) {
        url = new URL(response.headers.get('location') ?? '', url);
        continue;
      }
      const page = await response.text();
      const prompt = /name="prompt" value="(\w+)"/.exec(page)?.[1];
      if (response.status !== 200 || !prompt)
        throw new Error(`provider answered ${response.status}: ${page.slice(0, 300)}`);
      const form = new URLSearchParams({ prompt, ...(prompt === 'login' ? { login: sub, password: 'any' } : {}) });
      const submitted = await fetch(url, {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie: cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' },
        body: form,
      });
      remember(submitted);
      url = new URL(submitted.headers.get('location') ?? '', url);
    }
    throw new Error('too many redirects at the provider');
  }

  return {
    issuer,
    clientId,
    clientSecret,
    users,
    signIn,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
