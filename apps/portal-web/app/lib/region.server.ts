import { createRequire } from 'node:module';

export type AudienceRegion = 'HCMC' | 'OTHER_PROVINCE' | 'ABROAD' | 'UNKNOWN';

interface GeoLookup {
  lookup(ip: string): { country: string; region: string } | null;
}

let geo: GeoLookup | null | undefined;

/** geoip-lite's offline database (MaxMind GeoLite, shipped in the package), loaded on first use. */
function database(): GeoLookup | null {
  if (geo === undefined) {
    try {
      geo = createRequire(import.meta.url)('geoip-lite') as GeoLookup;
    } catch {
      geo = null;
    }
  }
  return geo;
}

/**
 * Where a reader is, in the portal statistics' broad classes, from their address through an
 * offline IP-geolocation database: Ho Chi Minh City (GeoLite region SG), another province of
 * Viet Nam (including Vietnamese addresses without a known province), abroad, or unknown
 * (private addresses, no database). Only the class leaves this function; the address is never
 * sent on or stored.
 */
export function regionOf(ip: string | null | undefined): AudienceRegion {
  if (!ip) return 'UNKNOWN';
  const found = database()?.lookup(ip.replace(/^::ffff:/, ''));
  if (!found) return 'UNKNOWN';
  if (found.country !== 'VN') return 'ABROAD';
  return found.region === 'SG' ? 'HCMC' : 'OTHER_PROVINCE';
}
