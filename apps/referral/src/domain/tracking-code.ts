import { randomInt } from 'node:crypto';

/** 31 symbols people cannot confuse when reading a code aloud or typing it: no 0/O, no 1/I/L. */
export const TRACKING_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const GROUPS = 2;
const GROUP_LENGTH = 4;
const PREFIX = 'HL';

/** `HL-7K3Q-9XD2`: 8 random symbols, 31^8 ≈ 8.5·10^11 codes (about 40 bits). */
export const TRACKING_CODE_PATTERN = new RegExp(
  `^${PREFIX}(-[${TRACKING_ALPHABET}]{${GROUP_LENGTH}}){${GROUPS}}$`,
);

/** A new tracking code from a cryptographic random source (uniform over the alphabet). */
export function newTrackingCode(pick: (max: number) => number = randomInt): string {
  const groups: string[] = [];
  for (let g = 0; g < GROUPS; g++) {
    let group = '';
    for (let i = 0; i < GROUP_LENGTH; i++)
      group += TRACKING_ALPHABET[pick(TRACKING_ALPHABET.length)];
    groups.push(group);
  }
  return [PREFIX, ...groups].join('-');
}

/**
 * The canonical form of a code as people type it: any case, with or without the dashes,
 * spaces or the `HL` prefix. Null when it cannot be a tracking code.
 */
export function normalizeTrackingCode(input: string): string | null {
  let symbols = input.toUpperCase().replace(/[\s-]/g, '');
  if (symbols.length === PREFIX.length + GROUPS * GROUP_LENGTH && symbols.startsWith(PREFIX))
    symbols = symbols.slice(PREFIX.length);
  if (symbols.length !== GROUPS * GROUP_LENGTH) return null;
  const code = [
    PREFIX,
    ...Array.from({ length: GROUPS }, (_, g) =>
      symbols.slice(g * GROUP_LENGTH, (g + 1) * GROUP_LENGTH),
    ),
  ].join('-');
  return TRACKING_CODE_PATTERN.test(code) ? code : null;
}
