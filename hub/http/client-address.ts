/**
 * The address of the client a request comes from. X-Forwarded-For is believed only when
 * the socket peer is one of our own proxies (TRUSTED_PROXIES), and then only its right-most
 * entry that is not itself a trusted proxy: everything to the left of it was written by
 * the client and can be forged.
 */
import { isIP } from 'node:net';
import type { Context } from 'koa';

/** "::ffff:10.0.0.1" → "10.0.0.1"; "[::1]:443" / "10.0.0.1:8080" → the bare address. */
export function normalizeAddress(raw: string): string {
  let value = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed?.[1]) value = bracketed[1];
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(':'));
  if (/^::ffff:\d{1,3}(\.\d{1,3}){3}$/i.test(value)) value = value.slice(7);
  return value.toLowerCase();
}

/** Pure: picks the client address from the socket peer and the X-Forwarded-For header. */
export function pickClientAddress(
  peer: string,
  forwardedFor: string | undefined,
  trustedProxies: readonly string[],
): string {
  const socket = normalizeAddress(peer);
  const trusted = new Set(trustedProxies.map(normalizeAddress));
  if (!trusted.has(socket) || !forwardedFor) return socket;
  const hops = forwardedFor.split(',').map(normalizeAddress).filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i -= 1) {
    const hop = hops[i] as string;
    if (!isIP(hop)) return socket;
    if (!trusted.has(hop)) return hop;
  }
  // Every hop is one of ours: the left-most is the closest we know to the client.
  return hops[0] ?? socket;
}

/** The client address of a request, given the configured trusted proxies. */
export function getClientAddress(ctx: Context, trustedProxies: readonly string[]): string {
  return pickClientAddress(ctx.req.socket.remoteAddress ?? '', ctx.get('X-Forwarded-For') || undefined, trustedProxies);
}
