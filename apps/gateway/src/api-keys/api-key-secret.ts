import { createHash, randomBytes } from 'node:crypto';

/** Keys look like `hcmcdx_` + 43 base64url characters (256 random bits); the prefix helps secret scanners. */
const KEY_PREFIX = 'hcmcdx_';
const KEY_FORMAT = /^hcmcdx_[A-Za-z0-9_-]{43}$/;

export function generateApiKey(): string {
  return `${KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
}

export function isWellFormedApiKey(key: string): boolean {
  return KEY_FORMAT.test(key);
}

/**
 * Keys carry 256 random bits, so a fast unsalted hash is enough: there is nothing to
 * brute-force, and a lookup by hash needs a deterministic value.
 */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** What `apikey list` shows to tell keys apart. */
export function displayPrefix(key: string): string {
  return key.slice(0, KEY_PREFIX.length + 6);
}
