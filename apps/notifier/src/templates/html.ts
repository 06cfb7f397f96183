import { escapeHtml } from '@portal/html';
import { singleLine } from '@portal/text';
/** HTML that is already safe to embed: produced by `html` or `safeHref`, never from raw data. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** A template that cannot be rendered from its data (e.g. a link that is not http(s)). */
export class TemplateError extends Error {
  override name = 'TemplateError';
}

/** Escapes text for HTML element content and quoted attribute values (the portal's one escaper). */
export { escapeHtml };

function interpolate(value: unknown): string {
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(interpolate).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(String(value));
}

/**
 * A tagged template that escapes every interpolated value unless it is `SafeHtml`, so data
 * can only ever become text: `html\`<p>${title}</p>\``. Every attribute in templates is quoted.
 */
export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += interpolate(values[i]) + strings[i + 1]!;
  return new SafeHtml(out);
}

/**
 * A link target for an `href`: only absolute http(s) URLs pass (producers validate URLs, but
 * a `javascript:` URL is still a URL), escaped for a quoted attribute.
 */
export function safeHref(url: string): SafeHtml {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new TemplateError('a link is not a valid URL');
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
    throw new TemplateError(`a link uses ${parsed.protocol} instead of http(s)`);
  return new SafeHtml(escapeHtml(parsed.href));
}

/**
 * Keeps text on one line, for subjects: producers' titles may carry line breaks, and control
 * characters or bidi overrides (a spoofed subject) never reach a mail client.
 */
export function oneLine(text: string, max = 200): string {
  const flat = singleLine(text);
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}

/** Plain text as HTML paragraphs: blank lines separate paragraphs, single line breaks become <br>. */
export function paragraphs(text: string): SafeHtml {
  const blocks = text
    .trim()
    .split(/\r?\n\s*\r?\n/)
    .map((block) => block.split(/\r?\n/));
  return html`${blocks.map((lines) => html`<p>${lines.map((l, i) => (i ? html`<br />${l}` : l))}</p>`)}`;
}
