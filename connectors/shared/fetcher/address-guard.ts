/**
 * SSRF guard: which addresses a source may not reach, checked on the literal host of
 * every hop and again on the address DNS returns (the one the socket connects to).
 */
import { BlockList, isIP } from 'node:net';
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { ConnectorError } from '../errors.js';

const FORBIDDEN_V4: Array<[string, number]> = [
  ['0.0.0.0', 8], // "this network", unspecified
  ['10.0.0.0', 8], // RFC 1918
  ['100.64.0.0', 10], // CGNAT, RFC 6598
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12], // RFC 1918
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.168.0.0', 16], // RFC 1918
  ['198.18.0.0', 15], // benchmarking
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
];

const FORBIDDEN_V6: Array<[string, number]> = [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['fc00::', 7], // unique local (ULA)
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated, still routed by some stacks)
  ['ff00::', 8], // multicast
  ['100::', 64], // discard-only, RFC 6666
  ['2001:db8::', 32], // documentation
  ['64:ff9b:1::', 48], // local-use NAT64, RFC 8215: translates to any private IPv4
];

const blockList = buildBlockList();

function buildBlockList(): BlockList {
  const list = new BlockList();
  for (const [net, prefix] of FORBIDDEN_V4) list.addSubnet(net, prefix, 'ipv4');
  for (const [net, prefix] of FORBIDDEN_V6) list.addSubnet(net, prefix, 'ipv6');
  return list;
}

/** Tells whether an IP address (v4 or v6) is loopback, private, link-local, multicast… */
export function isForbiddenAddress(address: string): boolean {
  const ip = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const family = isIP(ip);
  if (family === 4) return blockList.check(ip, 'ipv4');
  if (family !== 6) return false;
  if (blockList.check(ip, 'ipv6')) return true;
  // An IPv6 form that carries an IPv4 address reaches that address: judge it as IPv4.
  return embeddedIPv4s(ip).some((v4) => blockList.check(v4, 'ipv4'));
}

/**
 * The IPv4 addresses an IPv6 address embeds: IPv4-compatible (::a.b.c.d, deprecated but
 * still routed to a.b.c.d by some stacks — `http://[::127.0.0.1]/`), IPv4-mapped
 * (::ffff:a.b.c.d, also written in hex), IPv4-translated (::ffff:0:a.b.c.d), NAT64
 * (64:ff9b::/96), 6to4 (2002::/16), Teredo (2001::/32: server and XOR-ed client) and
 * ISATAP (…:0:5efe:a.b.c.d in any prefix).
 */
function embeddedIPv4s(ip: string): string[] {
  const g = expandIPv6(ip);
  if (!g) return [];
  const toV4 = (hi: number, lo: number) => [hi >> 8, hi & 255, lo >> 8, lo & 255].join('.');
  const zero = (from: number, to: number) => g.slice(from, to).every((x) => x === 0);
  const last = toV4(g[6] ?? 0, g[7] ?? 0);
  const found: string[] = [];
  if (zero(0, 5) && (g[5] === 0 || g[5] === 0xffff)) found.push(last); // compatible, mapped
  if (zero(0, 4) && g[4] === 0xffff && g[5] === 0) found.push(last); // translated
  if (g[0] === 0x64 && g[1] === 0xff9b && zero(2, 6)) found.push(last); // NAT64
  if (g[0] === 0x2002) found.push(toV4(g[1] ?? 0, g[2] ?? 0)); // 6to4
  if (g[0] === 0x2001 && g[1] === 0)
    found.push(toV4(g[2] ?? 0, g[3] ?? 0), toV4(~(g[6] ?? 0) & 0xffff, ~(g[7] ?? 0) & 0xffff)); // Teredo
  if ((g[4] === 0 || g[4] === 0x200) && g[5] === 0x5efe) found.push(last); // ISATAP
  return found;
}

function expandIPv6(ip: string): number[] | undefined {
  let text = ip;
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4?.[1]) {
    const [a = 0, b = 0, c = 0, d = 0] = v4[1].split('.').map(Number);
    text = text.slice(0, -v4[1].length) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const fill = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill('0');
  const groups = [...left, ...fill, ...right].map((g) => parseInt(g, 16));
  return groups.length === 8 && groups.every((g) => Number.isInteger(g)) ? groups : undefined;
}

/** Normalizes a URL host for allow-list comparison (lower case, IPv6 without brackets). */
export function normalizeHost(hostname: string): string {
  return hostname.toLowerCase().replace(/^\[|\]$/g, '');
}

/** Refuses a URL whose literal host is a forbidden IP address, unless allow-listed. */
export function assertLiteralHostAllowed(url: URL, allowedHosts: ReadonlySet<string>): void {
  const host = normalizeHost(url.hostname);
  if (allowedHosts.has(host)) return;
  if (isForbiddenAddress(host)) throw forbidden(host, url.href);
}

function forbidden(address: string, url: string | undefined, hostname?: string): ConnectorError {
  // The resolved address stays out of the message: it reaches partner admins (previews,
  // run reports), who must not learn the hub's internal DNS from it.
  const what = hostname && hostname !== address ? `${hostname} resolves to` : `${address} is`;
  const details = url === undefined ? {} : { url };
  return new ConnectorError('forbidden_address', `fetcher: ${what} a private or reserved address`, details);
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * Builds a dns.lookup replacement for the socket: it resolves as usual, then refuses the
 * connection when any resolved address is forbidden (the socket connects to what we checked).
 */
export function createGuardedLookup(allowedHosts: ReadonlySet<string>) {
  return function guardedLookup(hostname: string, options: LookupOptions, callback: LookupCallback): void {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, []);
      const allowed = allowedHosts.has(normalizeHost(hostname));
      const bad = allowed ? undefined : addresses.find((a) => isForbiddenAddress(a.address));
      if (bad) return callback(forbidden(bad.address, undefined, hostname) as NodeJS.ErrnoException, []);
      if (options.all) return callback(null, addresses);
      const first = addresses[0];
      if (!first)
        return callback(Object.assign(new Error(`fetcher: no address for ${hostname}`), { code: 'ENOTFOUND' }), []);
      callback(null, first.address, first.family);
    });
  };
}

/**
 * Whether an address is private on its face (loopback, private or reserved IP, localhost,
 * a bare single-label name) and its host is not allow-listed: what sources and online
 * services refuse when they are written. Names are checked again after DNS at each fetch.
 */
export function isPrivateOnItsFace(url: URL, allowedHosts: readonly string[] = []): boolean {
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (allowedHosts.includes(host)) return false;
  const bare = !host.includes('.') && !host.includes(':');
  return host === 'localhost' || host.endsWith('.localhost') || bare || isForbiddenAddress(host);
}
