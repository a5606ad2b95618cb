/** Small helpers of the labs' API tests: agents' tokens and the lab calls. */
import { TEST_ADMIN_TOKEN, type TestHub } from '../../helpers/hub.js';

export const LABS = '/api/v1/admin/labs';

/** A bearer token for a role of a partner (or a platform admin). */
export async function makeToken(hub: TestHub, name: string, role: string, partnerId?: string): Promise<string> {
  const res = await hub.request('/api/v1/admin/tokens', {
    method: 'POST',
    token: TEST_ADMIN_TOKEN,
    json: { name, role, ...(partnerId ? { partnerId } : {}) },
  });
  if (res.status !== 201) throw new Error(`token ${name}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

export interface Call {
  status: number;
  body: Record<string, unknown> & { code?: string };
}

/** One JSON call; `json` makes it a POST unless `method` says otherwise. */
export async function call(
  hub: TestHub,
  token: string | undefined,
  path: string,
  json?: unknown,
  method = json === undefined ? 'GET' : 'POST',
): Promise<Call> {
  const res = await hub.request(path, { method, ...(token ? { token } : {}), ...(json !== undefined ? { json } : {}) });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Call['body']) : {} };
}

/** Saves a revision and expects it to be written; returns its number. */
export async function save(
  hub: TestHub,
  token: string,
  labId: string,
  body: string,
  baseRevision: number,
  note?: string,
) {
  const res = await call(hub, token, `${LABS}/${labId}/revisions`, { body, baseRevision, ...(note ? { note } : {}) });
  if (res.status !== 201) throw new Error(`save: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.revision as number;
}
