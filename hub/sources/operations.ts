/**
 * What the admin API and the console both do with sources beyond plain records: check a
 * configuration, write it with its credentials sealed apart from the address, preview it
 * (nothing stored), and show it in the journal of changes.
 */
import type { SourceInput } from '../../schemas/index.js';
import type { ConnectorResult, ReaderPool, RunBudget } from '../../connectors/index.js';
import type { AuditSnapshot } from '../audit/index.js';
import { InvalidInput } from '../domain-errors.js';
import { previewSource } from './connector-source.js';
import { resolveCredentials } from './credentials.js';
import type { SourceDoc } from './source-model.js';
import { createSource, findSource, updateSource } from './sources.js';
import { checkSourceSemantics } from './validate-source.js';

/** Throws InvalidInput with the fields at fault beyond the schema (cron, address, mapping, partner). */
export async function assertSourceSemantics(
  source: Partial<SourceInput>,
  allowedHosts: readonly string[],
): Promise<void> {
  const errors = await checkSourceSemantics(source, allowedHosts);
  if (errors.length) throw new InvalidInput(errors);
}

/** Creates a source: credentials given apart or written in its address are stored sealed, never as given. */
export async function createSealedSource(input: SourceInput): Promise<SourceDoc> {
  const { url, credentials } = await resolveCredentials(input);
  return createSource({ ...input, url: url ?? input.url, credentials: credentials ?? undefined });
}

/** Changes a source (already validated): the given credentials reach the database only sealed, or removed. */
export async function updateSealedSource(
  current: SourceDoc,
  patch: Partial<SourceInput>,
): Promise<SourceDoc | undefined> {
  const { url, credentials } = await resolveCredentials(patch, current);
  const { credentials: _given, ...fields } = patch;
  return updateSource(current, {
    ...fields,
    ...(url !== undefined ? { url } : {}),
    ...(credentials !== undefined ? { credentials } : {}),
  });
}

/**
 * Previews a configuration not yet saved, its credentials sealed as they would be; when
 * editing, `current`'s stored credentials go with it unless the change removes them.
 * 422 source_failed with the French reason when it cannot be read.
 */
export async function previewUnsavedSource(
  input: Omit<SourceInput, 'schedule' | 'enabled'>,
  reader: ReaderPool,
  budget: RunBudget,
  current?: SourceDoc,
): Promise<ConnectorResult> {
  const { url, credentials } = await resolveCredentials(input, current);
  const kept = credentials === null ? undefined : (credentials ?? current?.credentials);
  return previewSource({ ...input, url: url ?? input.url, credentials: kept }, reader, budget);
}

/** What the journal shows of a source: its configuration (address without credentials), not its run state. */
export async function snapshotSource(id: string): Promise<AuditSnapshot | undefined> {
  const source = await findSource(id);
  if (!source) return undefined;
  const { partnerId, kind, name, url, schedule, enabled, complete, defaults, mapping } = source;
  return {
    partnerId,
    label: name ?? url,
    fields: { kind, name, url, schedule, enabled, complete, defaults, mapping },
  };
}
