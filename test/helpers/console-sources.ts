/** Sources written straight to the database for the console's list tests (no admin API round trip per source). */
import { createSource, writeRunState, type SourceDoc } from '../../hub/sources/index.js';

/** `count` feed sources of `partnerId`, named « Flux <partner> 00 », « … 01 »… in creation order. */
export async function addFeedSources(partnerId: string, count: number, enabled = true): Promise<SourceDoc[]> {
  const out: SourceDoc[] = [];
  for (let i = 0; i < count; i += 1)
    out.push(
      await createSource({
        partnerId,
        kind: 'feed',
        url: `https://www.${partnerId}.nc/flux-${i}.xml`,
        name: `Flux ${partnerId} ${String(i).padStart(2, '0')}`,
        enabled,
      }),
    );
  return out;
}

/** The source as after its third failure in a row: alerting, listed first by « failing first ». */
export async function markSourceFailing(source: SourceDoc): Promise<void> {
  await writeRunState(
    source,
    {
      ...source.state,
      consecutiveFailures: 3,
      lastRunAt: new Date(),
      alert: { since: new Date(), message: 'HTTP 500' },
    },
    new Date(),
  );
}
