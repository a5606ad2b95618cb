/**
 * METRICS_ALLOW: addresses and CIDR blocks (IPv4 or IPv6) that may read /metrics without
 * a token, e.g. the Prometheus server's address. node:net's BlockList does the matching,
 * IPv4-mapped IPv6 addresses included.
 */
import { BlockList, isIP } from 'node:net';
import { checkAddressOrCidr } from '../config.js';

/** Builds a matcher from validated entries. */
export function createAddressMatcher(entries: readonly string[]): (address: string) => boolean {
  const list = new BlockList();
  for (const entry of entries) {
    checkAddressOrCidr(entry);
    const [address = '', bits] = entry.split('/');
    const type = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (bits === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(bits), type);
  }
  return (address) => {
    const family = isIP(address);
    if (!family || entries.length === 0) return false;
    return list.check(address, family === 6 ? 'ipv6' : 'ipv4');
  };
}
