import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { promisify } from 'node:util';
import {
  addressRange,
  isAllowListed,
  isIpLiteral,
  refusalByName,
  type AllowList,
} from '../domain/webhook-address';

const lookupAll = promisify(dnsLookup) as (
  host: string,
  options: { all: true },
) => Promise<LookupAddress[]>;

/** The error a webhook connection fails with when its name resolves to a forbidden address. */
export class ForbiddenAddressError extends Error {
  readonly code = 'EFORBIDDENADDRESS';
}

/**
 * Why `url` may not receive webhooks, or null when it may: at registration, the name is resolved
 * and every address it has must be public (the connection checks again, see `guardedLookup`).
 */
export async function endpointRefusal(url: string, allow: AllowList): Promise<string | null> {
  const parsed = new URL(url);
  const byName = refusalByName(parsed, allow);
  if (byName || isAllowListed(parsed, allow) || isIpLiteral(parsed.hostname)) return byName;
  let addresses: LookupAddress[];
  try {
    addresses = await lookupAll(parsed.hostname, { all: true });
  } catch {
    return `${parsed.hostname} does not resolve`;
  }
  const bad = addresses.find((a) => addressRange(a.address) !== 'unicast');
  return bad ? `${parsed.hostname} resolves to a ${addressRange(bad.address)} address` : null;
}

type LookupCallback = (
  err: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/** How names are resolved: `dns.lookup` (tests stand in for a DNS server that changes its answer). */
export type Resolve = (
  hostname: string,
  options: LookupOptions & { all: true },
  callback: (err: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void;

/**
 * A `lookup` for sockets that refuses a name resolving to any non-public address, so a name
 * that was public at registration cannot be pointed at an internal host later (DNS
 * rebinding): the check is on the address the socket actually connects to.
 */
export function guardedLookup(resolve: Resolve = dnsLookup as Resolve) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    resolve(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, []);
      const bad = addresses.find((a) => addressRange(a.address) !== 'unicast');
      if (bad || addresses.length === 0)
        return callback(
          new ForbiddenAddressError(
            `${hostname} resolves to a ${bad ? addressRange(bad.address) : 'missing'} address`,
          ),
          [],
        );
      if (options.all) return callback(null, addresses);
      return callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}
