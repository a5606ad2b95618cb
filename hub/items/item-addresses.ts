/** The partners' own pages the published items send readers to (the link checker's list). */
import { ItemModel } from './item-model.js';

export interface ItemAddress {
  id: string;
  partnerId: string;
  url: string;
  title: string;
}

/** Every published item's address, with only the fields a link check needs. */
export async function listItemAddresses(): Promise<ItemAddress[]> {
  const docs = await ItemModel.find({ status: 'published' }, { _id: 1, partnerId: 1, url: 1, title: 1 }).lean<
    Array<{ _id: string; partnerId: string; url?: string; title: string }>
  >();
  return docs.flatMap((d) => (d.url ? [{ id: d._id, partnerId: d.partnerId, url: d.url, title: d.title }] : []));
}
