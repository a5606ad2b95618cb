/**
 * One address, checked politely through the connectors' fetcher (its SSRF guard, timeouts
 * and manual redirects): HEAD first, then GET when HEAD is refused — many servers answer
 * HEAD with 405 or 501, some with 403 or 404 while the page answers a GET — and a
 * conditional request when the last success left validators.
 */
import { classifyFailure, describeFailure, type Fetcher, type FetchResponse } from '../../connectors/index.js';
import type { LinkRedirect } from './link-model.js';

/** What one check found. */
export type CheckOutcome =
  | {
      ok: true;
      httpStatus: number;
      finalUrl: string;
      redirects: LinkRedirect[];
      /** Set when every redirect was permanent: the address to use instead. */
      movedTo?: string;
      etag?: string;
      lastModified?: string;
    }
  | { ok: false; httpStatus?: number; error: { code: string; message: string } };

/** The validators of the last success, if any. */
export interface CheckInput {
  url: string;
  etag?: string;
  lastModified?: string;
}

const PERMANENT = new Set([301, 308]);

/** Checks one address; never throws (a failure is an outcome). */
export async function checkLink(fetcher: Fetcher, input: CheckInput): Promise<CheckOutcome> {
  const conditional = {
    ...(input.etag ? { etag: input.etag } : {}),
    ...(input.lastModified ? { lastModified: input.lastModified } : {}),
  };
  try {
    return describeSuccess(input.url, await fetcher.fetch({ url: input.url, method: 'HEAD', ...conditional }));
  } catch (headError) {
    if (classifyFailure(headError).httpStatus === undefined) return describeFailureOf(headError);
  }
  try {
    const res = await fetcher.fetch({ url: input.url, method: 'GET', discardBody: true, ...conditional });
    return describeSuccess(input.url, res);
  } catch (getError) {
    return describeFailureOf(getError);
  }
}

function describeSuccess(asked: string, res: FetchResponse): CheckOutcome {
  const redirects = res.redirects ?? [];
  const moved = redirects.length > 0 && redirects.every((r) => PERMANENT.has(r.status)) && res.url !== asked;
  return {
    ok: true,
    // A 304 says the page is still there as it was.
    httpStatus: res.status,
    finalUrl: res.url,
    redirects,
    ...(moved ? { movedTo: res.url } : {}),
    ...(res.etag ? { etag: res.etag } : {}),
    ...(res.lastModified ? { lastModified: res.lastModified } : {}),
  };
}

function describeFailureOf(error: unknown): CheckOutcome {
  const failure = classifyFailure(error);
  const host = failure.url && URL.canParse(failure.url) ? new URL(failure.url).host : undefined;
  return {
    ok: false,
    ...(failure.httpStatus !== undefined ? { httpStatus: failure.httpStatus } : {}),
    error: { code: failure.code, message: aboutSite(describeFailure(failure.code, failure.httpStatus, host)) },
  };
}

/** The connectors' French speaks of « la source »; a checked link is a partner's site. */
function aboutSite(message: string): string {
  return message
    .replace(/de la source/g, 'du site')
    .replace(/à la source/g, 'au site')
    .replace(/la source/g, 'le site');
}
