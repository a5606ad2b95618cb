/** API shapes of sources and runs: dates as ISO strings, no lease. */
import type { Run, Source } from '../../schemas/index.js';
import type { RunDoc } from './run-model.js';
import { maskCredentials } from './credentials.js';
import type { SourceDoc } from './source-model.js';

const iso = (d: Date | undefined) => (d ? d.toISOString() : undefined);

function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** A source as admins see it: credentials masked, no lease. */
export function toSource(doc: SourceDoc): Source {
  const { _id, lease: _lease, credentials, createdAt, updatedAt, state, ...rest } = doc;
  return compact({
    id: _id,
    ...rest,
    hasCredentials: credentials !== undefined,
    credentials: maskCredentials(credentials),
    state: compact({
      ...state,
      bodyHash: undefined,
      generation: undefined,
      lastRunAt: iso(state.lastRunAt),
      lastSuccessAt: iso(state.lastSuccessAt),
      nextRunAt: iso(state.nextRunAt),
      alert: state.alert ? { since: state.alert.since.toISOString(), message: state.alert.message } : undefined,
    }),
    createdAt: createdAt.toISOString(),
    updatedAt: updatedAt.toISOString(),
  }) as Source;
}

/** A run report. */
export function toRun(doc: RunDoc): Run {
  const { _id, startedAt, finishedAt, ...rest } = doc;
  return compact({ id: _id, ...rest, startedAt: startedAt.toISOString(), finishedAt: iso(finishedAt) }) as Run;
}
