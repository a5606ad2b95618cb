/**
 * The one place the widgets talk to the hub. Every failure — network, timeout, HTTP error —
 * becomes a RequestError with a stable code that `describeError` turns into a sentence.
 */
import { hasMessage, translate, type Lang } from './i18n.js';
import { getVisitorKey } from './visitor.js';

const TIMEOUT_MS = 10_000;

/** A failed request: `code` is the problem code of the hub, or network/aborted/http_<status>. */
export class RequestError extends Error {
  constructor(
    readonly code: string,
    readonly status = 0,
    readonly retryAfter = 0,
  ) {
    super(`widgets: ${code}`);
  }
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** JSON body. */
  body?: unknown;
  /** Sends the Passerelle-Visitor header (likes, comments, flags). */
  visitor?: boolean;
  /** Cancels the request (e.g. a newer keystroke); rejects with code "aborted". */
  signal?: AbortSignal;
}

function linkSignals(outer: AbortSignal | undefined): {
  signal: AbortSignal;
  done: () => void;
  timedOut: () => boolean;
} {
  const controller = new AbortController();
  let expired = false;
  const timer = setTimeout(() => {
    expired = true;
    controller.abort();
  }, TIMEOUT_MS);
  const onAbort = () => controller.abort();
  outer?.addEventListener('abort', onAbort);
  if (outer?.aborted) controller.abort();
  return {
    signal: controller.signal,
    timedOut: () => expired,
    done: () => {
      clearTimeout(timer);
      outer?.removeEventListener('abort', onAbort);
    },
  };
}

async function readProblem(response: Response): Promise<RequestError> {
  let code = `http_${response.status}`;
  try {
    const problem = (await response.json()) as { code?: unknown };
    if (typeof problem.code === 'string') code = problem.code;
  } catch {
    // not JSON: keep the status code
  }
  return new RequestError(code, response.status, Number(response.headers.get('Retry-After')) || 0);
}

/** Calls the hub at `hub` + `path` and returns the parsed JSON (undefined for 204). */
export async function request<T>(hub: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.visitor) headers['Passerelle-Visitor'] = getVisitorKey();
  const link = linkSignals(options.signal);
  let response: Response;
  try {
    response = await fetch(hub.replace(/\/$/, '') + path, {
      method: options.method ?? 'GET',
      headers,
      credentials: 'omit',
      signal: link.signal,
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
    });
    if (!response.ok) throw await readProblem(response);
    return (response.status === 204 ? undefined : await response.json()) as T;
  } catch (err) {
    if (err instanceof RequestError) throw err;
    throw new RequestError(options.signal?.aborted && !link.timedOut() ? 'aborted' : 'network');
  } finally {
    link.done();
  }
}

/** A polite sentence for any failure, in the widget's language. */
export function describeError(lang: Lang, err: unknown): string {
  if (!(err instanceof RequestError)) return translate(lang, 'unavailable');
  const key = `code_${err.code}`;
  if (hasMessage(key)) return translate(lang, key, { s: err.retryAfter || 60 });
  if (err.status >= 400 && err.status < 500) return translate(lang, 'failed');
  return translate(lang, 'unavailable');
}

/** Builds "?a=1&b=2" from the defined, non-empty values. */
export function toQuery(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params))
    if (value !== undefined && value !== '') search.set(name, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}
