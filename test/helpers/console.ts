/**
 * An agent's browser for HTTP tests of the console: accounts created through the accounts
 * domain, a cookie jar, forms posted with their CSRF token, redirects left for the test
 * to see.
 */
import { createAgent, type AgentInput } from '../../hub/accounts/agents.js';
import { hashPassword } from '../../hub/accounts/password.js';
import type { TestHub } from './hub.js';

export const PASSWORD = 'un lagon bleu et calme';

/** Creates an active account with the test password; returns its id. */
export async function createTestAgent(input: AgentInput, password = PASSWORD): Promise<string> {
  return (await createAgent(input, 'test', await hashPassword(password)))._id;
}

export interface ConsoleClient {
  cookies: Map<string, string>;
  get(path: string, headers?: Record<string, string>): Promise<Response>;
  /** Posts a form; adds the CSRF token of the page last read unless `_csrf` is given (null: none). */
  post(
    path: string,
    fields?: Record<string, string | string[]>,
    options?: { csrf?: string | null; headers?: Record<string, string> },
  ): Promise<Response>;
  /** The CSRF token of the last page read. */
  csrf: string | undefined;
  /** GET a page and return its HTML (status checked by the caller). */
  html(path: string): Promise<{ status: number; html: string }>;
}

export function consoleClient(hub: TestHub): ConsoleClient {
  const cookies = new Map<string, string>();
  const client: ConsoleClient = {
    cookies,
    csrf: undefined,
    async get(path, headers = {}) {
      const res = await fetch(hub.url + path, {
        headers: { cookie: cookieHeader(cookies), ...headers },
        redirect: 'manual',
      });
      keepCookies(res, cookies);
      return res;
    },
    async post(path, fields = {}, options = {}) {
      const body = new URLSearchParams();
      for (const [name, value] of Object.entries(fields))
        for (const v of Array.isArray(value) ? value : [value]) body.append(name, v);
      const token = options.csrf === undefined ? client.csrf : options.csrf;
      if (token !== null && token !== undefined && !('_csrf' in fields)) body.append('_csrf', token);
      const res = await fetch(hub.url + path, {
        method: 'POST',
        body,
        headers: {
          cookie: cookieHeader(cookies),
          'content-type': 'application/x-www-form-urlencoded',
          ...options.headers,
        },
        redirect: 'manual',
      });
      keepCookies(res, cookies);
      return res;
    },
    async html(path) {
      const res = await client.get(path);
      const html = await res.text();
      const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
      if (token) client.csrf = token;
      return { status: res.status, html };
    },
  };
  return client;
}

/** Signs in through the form; returns the client, signed in. */
export async function signInAs(hub: TestHub, email: string, password = PASSWORD): Promise<ConsoleClient> {
  const client = consoleClient(hub);
  await client.html('/console/connexion');
  const res = await client.post('/console/connexion', { email, password, retour: '/console' });
  if (res.status !== 303) throw new Error(`sign-in of ${email} answered ${res.status}: ${await res.text()}`);
  await client.html('/console');
  return client;
}

function cookieHeader(cookies: Map<string, string>): string {
  return [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
}

function keepCookies(res: Response, cookies: Map<string, string>): void {
  for (const line of res.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const [name, ...rest] = (pair ?? '').split('=');
    if (!name) continue;
    const value = rest.join('=');
    if (value === '' || /max-age=0|expires=Thu, 01 Jan 1970/i.test(line)) cookies.delete(name.trim());
    else cookies.set(name.trim(), value);
  }
}
