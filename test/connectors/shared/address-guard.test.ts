import { describe, expect, it } from 'vitest';
import { isForbiddenAddress } from '../../../connectors/index.js';

describe('isForbiddenAddress', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.255.0.9', true],
    ['10.1.2.3', true],
    ['172.16.0.1', true],
    ['172.31.255.255', true],
    ['192.168.1.10', true],
    ['100.64.0.1', true], // CGNAT
    ['169.254.169.254', true], // link-local, cloud metadata
    ['0.0.0.0', true],
    ['224.0.0.251', true], // multicast
    ['255.255.255.255', true],
    ['::', true],
    ['::1', true],
    ['[::1]', true],
    ['fd12:3456::1', true], // ULA
    ['fe80::1', true], // link-local
    ['ff02::1', true], // multicast
    ['::ffff:127.0.0.1', true], // IPv4-mapped
    ['::ffff:10.0.0.1', true],
    ['64:ff9b::a00:1', true], // NAT64 of 10.0.0.1
    ['2002:c0a8:0101::1', true], // 6to4 of 192.168.1.1
    ['::127.0.0.1', true], // IPv4-compatible, as in http://[::127.0.0.1]/
    ['::7f00:1', true], // the same, as the URL parser writes it
    ['::a9fe:a9fe', true], // IPv4-compatible 169.254.169.254
    ['::ffff:7f00:1', true], // IPv4-mapped in hex
    ['::ffff:0:a00:1', true], // IPv4-translated 10.0.0.1
    ['64:ff9b:1::a00:1', true], // local-use NAT64
    ['2001:0:4136:e378:8000:63bf:80ff:fffe', true], // Teredo whose client is 127.0.0.1 (XOR-ed)
    ['2001:0:a00:1:8000:63bf:3fff:fdd2', true], // Teredo whose server is 10.0.0.1
    ['fe80::5efe:c0a8:101', true], // ISATAP of 192.168.1.1
    ['2001:db8:85a3::5efe:a00:1', true], // ISATAP of 10.0.0.1 in any prefix
    ['100::1', true], // discard-only
    ['2001:db8::1', true], // documentation
    ['::8.8.8.8', false], // IPv4-compatible public address
    ['2001:0:4136:e378:8000:63bf:3fff:fdd2', false], // Teredo of public addresses
    ['172.32.0.1', false],
    ['100.128.0.1', false],
    ['203.0.113.7', false],
    ['8.8.8.8', false],
    ['2001:4860:4860::8888', false],
    ['::ffff:8.8.8.8', false],
    ['64:ff9b::808:808', false],
    ['example.nc', false], // names are checked after DNS, not here
  ])('%s → %s', (address, forbidden) => {
    expect(isForbiddenAddress(address)).toBe(forbidden);
  });
});
