/** Every outbound address the portal and the widgets send people to, with who names it. */
import { listItemAddresses } from '../items/index.js';
import { listServices } from '../online-services/index.js';
import { listPartners } from '../partners/index.js';
import type { LinkRef } from './link-model.js';

export interface Address {
  url: string;
  refs: LinkRef[];
}

/** Active services' addresses, published items' own pages and partners' websites, one entry per address. */
export async function collectAddresses(): Promise<Address[]> {
  const [services, items, partners] = await Promise.all([
    listServices({ status: 'active' }),
    listItemAddresses(),
    listPartners({ status: 'active' }),
  ]);
  const byUrl = new Map<string, LinkRef[]>();
  const add = (url: string | undefined, ref: LinkRef) => {
    if (!url || !/^https?:\/\//i.test(url)) return;
    const refs = byUrl.get(url);
    if (refs) refs.push(ref);
    else byUrl.set(url, [ref]);
  };
  for (const s of services) add(s.url, { kind: 'service', id: s._id, partnerId: s.partnerId, label: s.name });
  for (const p of partners) add(p.website, { kind: 'partner', id: p._id, partnerId: p._id, label: p.name });
  for (const i of items) add(i.url, { kind: 'item', id: i.id, partnerId: i.partnerId, label: i.title });
  return [...byUrl].map(([url, refs]) => ({ url, refs }));
}
