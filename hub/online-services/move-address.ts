/**
 * The link check's offer taken: a service's address replaced by the one it permanently
 * redirects to. Only from the address the check saw (a service changed meanwhile is left
 * alone), only on a service its editors own, and only to an address a service may have.
 */
import { Conflict, InvalidInput, NotFound } from '../domain-errors.js';
import { checkServiceUrl } from './service-url.js';
import { assertEditable, findService, updateService } from './services.js';
import type { ServiceDoc } from './service-model.js';

export interface MoveAddressInput {
  id: string;
  /** The address the check found redirecting. */
  from: string;
  /** Where every redirect pointed. */
  to: string;
  /** SOURCE_ALLOWED_HOSTS. */
  allowedHosts?: readonly string[];
}

/** Whether an agent may take the offer on this service (an editor's service; a source's follows its source). */
export function canMoveAddress(doc: Pick<ServiceDoc, 'origin'>): boolean {
  return doc.origin.kind === 'editor';
}

/** Moves the service to its new address; the caller checked the agent's partner. */
export async function moveServiceAddress(input: MoveAddressInput, now = new Date()): Promise<ServiceDoc> {
  const doc = await findService(input.id);
  if (!doc) throw new NotFound(`le service en ligne ${input.id}`);
  if (doc.url !== input.from)
    throw new Conflict('service_address_changed', "l'adresse du service a changé depuis la dernière vérification");
  assertEditable(doc, ['url'], 'modifier');
  const problem = checkServiceUrl(input.to, input.allowedHosts);
  if (problem) throw new InvalidInput([{ field: 'url', message: problem }]);
  const updated = await updateService(doc._id, { url: input.to }, now);
  if (!updated) throw new NotFound(`le service en ligne ${input.id}`);
  return updated;
}
