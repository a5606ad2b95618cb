/** Checks beyond the schema: a parseable cron expression, a mapping for json-api, a known partner. */
import type { FieldError, SourceInput } from '../../schemas/index.js';
import { findPartner } from '../partners/index.js';
import { checkCronExpression } from './schedule.js';
import { isForbiddenAddress } from '../../connectors/index.js';

/** Returns the fields at fault of a (merged) source configuration. */
export async function checkSourceSemantics(
  source: Partial<SourceInput>,
  allowedHosts: readonly string[] = [],
): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  // An address that is private on its face is refused now; names are checked after DNS
  // resolution at every fetch.
  if (source.url !== undefined && URL.canParse(source.url)) {
    const host = new URL(source.url).hostname.replace(/^\[|\]$/g, '').toLowerCase();
    if (
      !allowedHosts.includes(host) &&
      (host === 'localhost' || host.endsWith('.localhost') || isForbiddenAddress(host))
    ) {
      errors.push({ field: 'url', message: 'adresse privée, locale ou réservée refusée (voir SOURCE_ALLOWED_HOSTS)' });
    }
  }
  if (source.schedule !== undefined) {
    const problem = checkCronExpression(source.schedule);
    if (problem) errors.push({ field: 'schedule', message: `expression cron invalide : ${problem}` });
  }
  if (source.kind === 'json-api' && !source.mapping)
    errors.push({ field: 'mapping', message: 'requis pour une source json-api' });
  if (source.kind !== undefined && source.kind !== 'json-api' && source.mapping)
    errors.push({ field: 'mapping', message: 'réservé aux sources json-api' });
  if (source.kind === 'comarquage' && source.entries === 'services')
    errors.push({
      field: 'entries',
      message: 'une source comarquage donne des fiches ; leurs services en ligne rejoignent le registre d’eux-mêmes',
    });
  if (source.partnerId !== undefined && !(await findPartner(source.partnerId)))
    errors.push({ field: 'partnerId', message: 'partenaire inconnu' });
  return errors;
}
