import { isIP } from 'node:net';
import type { Context } from 'hono';

/**
 * The address a request came from, as a rate-limiting key.
 *
 * By default it is the socket's peer: X-Forwarded-For is written by whoever sends the request, so
 * trusting it on a server reached directly would let a guesser pick a new address for every try.
 * Behind reverse proxies, `proxyHops` says how many of them append to X-Forwarded-For, and the
 * address is the one the outermost proxy saw (counted from the right: entries further left were
 * sent by the client and prove nothing).
 *
 * An IPv6 client is keyed by its /64, the block one subscriber gets: within it a host can choose
 * any of 2^64 addresses.
 */
export function clientAddress(c: Context, proxyHops: number): string {
  const socket = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket?.remoteAddress;
  if (proxyHops > 0) {
    const forwarded = (c.req.header('x-forwarded-for') ?? '')
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean);
    // Fewer entries than proxies: the request entered after the outermost one; the leftmost entry
    // was still written by a trusted proxy.
    const seen = forwarded[Math.max(0, forwarded.length - proxyHops)];
    if (seen) return addressKey(seen);
  }
  return socket ? addressKey(socket) : 'unknown';
}

/** An address as a key: IPv4 as is (also when IPv4-mapped), IPv6 by its /64, anything else as given (bounded). */
export function addressKey(raw: string): string {
  const address = raw.trim().replace(/^\[(.*)\]$/, '$1').replace(/%.*$/, '');
  if (isIP(address) === 4) return address;
  if (isIP(address) !== 6) return `?${address.slice(0, 100)}`;
  const groups = expandIpv6(address);
  if (groups.slice(0, 6).join(':') === '0:0:0:0:0:ffff') {
    const [hi, lo] = groups.slice(6).map((g) => parseInt(g, 16)) as [number, number];
    return [hi >> 8, hi & 255, lo >> 8, lo & 255].join('.');
  }
  return `${groups.slice(0, 4).join(':')}::/64`;
}

/** The eight groups of an IPv6 address, `::` filled in, lower case without leading zeros. */
function expandIpv6(address: string): string[] {
  let text = address.toLowerCase();
  // An embedded IPv4 tail: ::ffff:1.2.3.4, 64:ff9b::1.2.3.4 and the like.
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, v4.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split('::') as [string, string | undefined];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return groups.map((g) => parseInt(g, 16).toString(16));
}
