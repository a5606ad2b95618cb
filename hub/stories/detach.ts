/**
 * A partner takes its item out of a wrong story. Scoped: only the item's own partner (or a
 * platform admin) may; the item stays detached through later ingestions, and leaves the
 * signature index so no later item joins a story through it.
 */
import { assertPartnerAccess, type Principal } from '../auth/index.js';
import { NotFound } from '../domain-errors.js';
import { bumpItemsVersion, findItem, markItemDetached } from '../items/index.js';
import { forgetStoryKeys } from './group-items.js';

/** Detaches the item; returns it as `{id, partnerId, storyDetached}`. */
export async function detachItem(
  principal: Principal,
  id: string,
): Promise<{ id: string; partnerId: string; storyDetached: true }> {
  const item = await findItem(id);
  if (!item) throw new NotFound(`le contenu ${id}`);
  assertPartnerAccess(principal, item.partnerId, ['partner-admin', 'editor']);
  await forgetStoryKeys({ ...item, id: item._id });
  await markItemDetached(id);
  await bumpItemsVersion();
  return { id, partnerId: item.partnerId, storyDetached: true };
}
