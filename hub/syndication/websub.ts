/**
 * WebSub publish pings: tell the hub that a topic (one of our feed URLs) changed, so that
 * subscribers are pushed the update. W3C WebSub leaves publishing to each hub; the common
 * form (PubSubHubbub 0.4, Superfeedr, Google's hub) is a form POST of hub.mode=publish and
 * hub.url, answered 2xx (usually 204).
 */

/** The subset of fetch this module calls. */
export type FetchLike = (
  url: string,
  init: { method: string; headers: Record<string, string>; body: string; signal: AbortSignal },
) => Promise<{ status: number; body?: { cancel(): Promise<void> } | null }>;

export interface PingOptions {
  /** Default: the global fetch. */
  fetchImpl?: FetchLike;
  /** Per request. Default 5000 ms. */
  timeoutMs?: number;
}

/** The outcome for one topic; a ping never throws. */
export interface PingResult {
  topic: string;
  ok: boolean;
  status?: number;
  /** Developer message, e.g. "websub: timeout after 5000 ms". */
  error?: string;
}

/**
 * Pings the hub once per topic (one hub.url per request: not every hub accepts several),
 * in parallel; resolves with one result per topic and never rejects.
 */
export async function pingWebSubHub(
  hubUrl: string,
  topicUrls: readonly string[],
  options: PingOptions | FetchLike = {},
): Promise<PingResult[]> {
  const { fetchImpl = globalThis.fetch as unknown as FetchLike, timeoutMs = 5000 } =
    typeof options === 'function' ? { fetchImpl: options } : options;
  return Promise.all([...new Set(topicUrls)].map((topic) => pingOne(fetchImpl, hubUrl, topic, timeoutMs)));
}

async function pingOne(fetchImpl: FetchLike, hubUrl: string, topic: string, timeoutMs: number): Promise<PingResult> {
  try {
    const response = await fetchImpl(hubUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ 'hub.mode': 'publish', 'hub.url': topic }).toString(),
      signal: AbortSignal.timeout(timeoutMs),
    });
    // The body is not read; cancelling it frees the connection now rather than at GC.
    await response.body?.cancel().catch(() => undefined);
    if (response.status >= 200 && response.status < 300) return { topic, ok: true, status: response.status };
    return { topic, ok: false, status: response.status, error: `websub: hub answered HTTP ${response.status}` };
  } catch (error) {
    return { topic, ok: false, error: describeFailure(error, timeoutMs) };
  }
}

function describeFailure(error: unknown, timeoutMs: number): string {
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') return `websub: timeout after ${timeoutMs} ms`;
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `websub: ${error instanceof Error ? error.message : String(error)}${cause}`;
}
