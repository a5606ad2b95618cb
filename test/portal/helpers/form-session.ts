/**
 * A browser without JavaScript, for the portal's forms over real HTTP: it keeps the
 * cookies the pages set, sends forms as application/x-www-form-urlencoded, and does not
 * follow redirects (tests read the 303).
 */
import type { TestHub } from '../../helpers/hub.js';

export interface FormSession {
  get(path: string): Promise<{ res: Response; html: string }>;
  post(path: string, fields: Record<string, string>): Promise<{ res: Response; html: string }>;
  cookies: Map<string, string>;
}

/** The hidden form token of a page's form. */
export function readFormToken(html: string): string {
  const match = /name="formToken" value="([^"]*)"/.exec(html);
  if (!match?.[1]) throw new Error('no form token in the page');
  return match[1];
}

export function openFormSession(hub: TestHub): FormSession {
  const cookies = new Map<string, string>();
  const keep = (res: Response) => {
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const [name = '', value = ''] = pair.split('=');
      cookies.set(name.trim(), value.trim());
    }
  };
  const cookieHeader = () => [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const send = async (path: string, init: RequestInit) => {
    const res = await fetch(hub.url + path, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), cookie: cookieHeader(), accept: 'text/html' },
    });
    keep(res);
    return { res, html: await res.text() };
  };
  return {
    cookies,
    get: (path) => send(path, {}),
    post: (path, fields) =>
      send(path, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(fields).toString(),
      }),
  };
}
