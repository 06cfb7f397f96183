// C0 controls except tab, line feed and carriage return; DEL; C1 controls.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
// Bidirectional formatting (LRE…RLO, LRI…PDI, LRM, RLM, ALM): they reorder what a reader sees
// ("Trojan Source", spoofed file names and links) and no portal text needs them.
const BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;
// Line and paragraph separators render as line breaks in some places and not in others.
const SEPARATORS = /[\u2028\u2029]/g;

/**
 * Plain text without invisible control characters: C0/C1 controls (NUL, ESC…), DEL and bidi
 * overrides are removed; tabs and line breaks are kept (callers that want one line fold them).
 * Every service applies it to every text a person sends (see `parseInput` and `@portal/html`).
 */
export function stripControlCharacters(text: string): string {
  return text.replace(CONTROL, '').replace(BIDI, '').replace(SEPARATORS, '\n');
}

/** True when `text` holds a character that `stripControlCharacters` would remove or change. */
export function hasControlCharacters(text: string): boolean {
  return stripControlCharacters(text) !== text;
}

/** `value` with `stripControlCharacters` applied to every string in it (arrays and plain objects). */
export function stripControlCharactersDeep<T>(value: T): T {
  if (typeof value === 'string') return stripControlCharacters(value) as T;
  if (Array.isArray(value)) return value.map((v) => stripControlCharactersDeep(v)) as T;
  if (value !== null && typeof value === 'object' && isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = stripControlCharactersDeep(v);
    return out as T;
  }
  return value;
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** One line of plain text: controls removed, every run of white space (line breaks too) one space. */
export function singleLine(text: string): string {
  return stripControlCharacters(text).replace(/\s+/g, ' ').trim();
}
