/**
 * What the admin API and the console both do with sources beyond plain records: check a
 * configuration, preview it (nothing stored), and show it in the journal of changes.
 */
import type { SourceInput } from '../../schemas/index.js';
import { isConnectorError, previewConnector, type ConnectorResult, type Fetcher } from '../../connectors/index.js';
import type { AuditSnapshot } from '../audit/index.js';
import { InvalidInput, Unprocessable } from '../domain-errors.js';
import { findSource } from './sources.js';
import { checkSourceSemantics } from './validate-source.js';

/** Throws InvalidInput with the fields at fault beyond the schema (cron, address, mapping, partner). */
export async function assertSourceSemantics(
  source: Partial<SourceInput>,
  allowedHosts: readonly string[],
): Promise<void> {
  const errors = await checkSourceSemantics(source, allowedHosts);
  if (errors.length) throw new InvalidInput(errors);
}

/** Fetches, parses and maps a configuration (first 20 items); 422 source_failed with the French reason. */
export async function previewSource(
  source: Omit<SourceInput, 'schedule' | 'enabled'> & { id?: string },
  fetcher: Fetcher,
): Promise<ConnectorResult> {
  try {
    return await previewConnector(source, { fetcher, limit: 20 });
  } catch (err) {
    if (!isConnectorError(err)) throw err;
    throw new Unprocessable('source_failed', "La source n'a pas pu être lue", err.toRunError().message, {
      error: err.toRunError(),
    });
  }
}

/** What the journal shows of a source: its configuration, not its run state. */
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
