import ipaddr from 'ipaddr.js';

/**
 * Where the notifier may send webhooks: only to public unicast addresses, never to the
 * machine itself, its private or link-local networks, carrier-grade NAT, multicast, cloud
 * metadata services or addresses that embed one (IPv4-mapped, 6to4, NAT64…). Addresses are
 * classified by ipaddr.js; `WEBHOOK_ALLOWED_HOSTS` names the exceptions (a development receiver).
 */

/** The range of an IP address as ipaddr.js names it ("unicast" is public); null if it is not one. */
export function addressRange(ip: string): string | null {
  const bare = ip.startsWith('[') && ip.endsWith(']') ? ip.slice(1, -1) : ip;
  if (!ipaddr.isValid(bare)) return null;
  let addr = ipaddr.parse(bare);
  if (addr.kind() === 'ipv6' && (addr as ipaddr.IPv6).isIPv4MappedAddress())
    addr = (addr as ipaddr.IPv6).toIPv4Address();
  return addr.range();
}

export function isPublicAddress(ip: string): boolean {
  return addressRange(ip) === 'unicast';
}

export function isIpLiteral(host: string): boolean {
  return addressRange(host) !== null;
}

// Names that mean "this machine" or an internal network: single-label names (resolved through
// search domains, e.g. `metadata`), localhost and the special-use and internal suffixes.
const LOCAL_NAME = /(^|\.)(localhost|localdomain|local|internal|intranet|lan|home\.arpa)\.?$/i;

export function isLocalName(hostname: string): boolean {
  const name = hostname.replace(/\.$/, '');
  return !name.includes('.') || LOCAL_NAME.test(name);
}

/** Hosts (`name` for any port, or `name:port`) the notifier may reach although they are not public. */
export type AllowList = ReadonlySet<string>;

export function parseAllowList(list: string | undefined): AllowList {
  return new Set(
    (list ?? '')
      .split(',')
      .map((s) => s.trim().toLowerCase())
      .filter(Boolean),
  );
}

/** Whether `url` names an allow-listed host (by its name, or its name and port). */
export function isAllowListed(url: URL, allow: AllowList): boolean {
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  const host = url.hostname.toLowerCase();
  return allow.has(host) || allow.has(`${host}:${port}`);
}

/**
 * Why `url` may not receive webhooks judged by its text alone (an IP literal in any notation,
 * which the URL parser has already normalised, or a local name), or null when its name must
 * still be resolved and every address checked.
 */
export function refusalByName(url: URL, allow: AllowList): string | null {
  if (isAllowListed(url, allow)) return null;
  const range = addressRange(url.hostname);
  if (range !== null) return range === 'unicast' ? null : `${url.hostname} is a ${range} address`;
  if (isLocalName(url.hostname)) return `${url.hostname} is a local name`;
  return null;
}
