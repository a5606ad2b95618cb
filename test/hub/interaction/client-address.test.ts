import { describe, expect, it } from 'vitest';
import { normalizeAddress, pickClientAddress } from '../../../hub/http/client-address.js';

describe('pickClientAddress', () => {
  const proxies = ['10.0.0.1', '10.0.0.2'];
  it.each([
    ['untrusted peer: its own address, header ignored', '203.0.113.9', '1.2.3.4', proxies, '203.0.113.9'],
    ['no proxies configured: header ignored', '10.0.0.1', '1.2.3.4', [], '10.0.0.1'],
    ['trusted peer: right-most entry', '10.0.0.1', '1.2.3.4', proxies, '1.2.3.4'],
    ['forged left part is skipped', '10.0.0.1', '6.6.6.6, 1.2.3.4', proxies, '1.2.3.4'],
    ['chain of our proxies is skipped', '10.0.0.1', '6.6.6.6, 1.2.3.4, 10.0.0.2', proxies, '1.2.3.4'],
    ['all hops trusted: left-most', '10.0.0.1', '10.0.0.2', proxies, '10.0.0.2'],
    ['garbage hop: the peer', '10.0.0.1', '1.2.3.4, not-an-ip', proxies, '10.0.0.1'],
    ['trusted peer without header', '10.0.0.1', undefined, proxies, '10.0.0.1'],
    ['IPv4-mapped peer', '::ffff:10.0.0.1', '1.2.3.4', proxies, '1.2.3.4'],
    ['IPv6 client with port', '10.0.0.1', '[2001:db8::1]:443', proxies, '2001:db8::1'],
    ['IPv4 client with port', '10.0.0.1', '1.2.3.4:5678', proxies, '1.2.3.4'],
  ] as const)('%s', (_label, peer, header, trusted, expected) => {
    expect(pickClientAddress(peer, header, trusted)).toBe(expected);
  });

  it('normalizes case and mapped addresses', () => {
    expect(normalizeAddress(' ::FFFF:192.0.2.1 ')).toBe('192.0.2.1');
    expect(normalizeAddress('2001:DB8::1')).toBe('2001:db8::1');
  });
});
