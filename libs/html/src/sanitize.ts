import sanitizeHtml from 'sanitize-html';
import { stripControlCharacters } from '@portal/text';

// Besides the scheme allow-list, URLs must look like URLs: absolute http(s), a site path or a
// fragment. Anything else (backticks, odd whitespace) is dropped rather than left to a browser.
const SAFE_HREF = /^(https?:\/\/|mailto:|tel:|\/(?!\/)|#)[^\s`"'<>]*$/i;
const SAFE_SRC = /^(https?:\/\/|\/(?!\/))[^\s`"'<>]*$/i;

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'hr',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'blockquote',
    'pre',
    'code',
    'ul',
    'ol',
    'li',
    'a',
    'img',
    'figure',
    'figcaption',
    'table',
    'caption',
    'thead',
    'tbody',
    'tfoot',
    'tr',
    'th',
    'td',
    'strong',
    'b',
    'em',
    'i',
    'u',
    's',
    'del',
    'sub',
    'sup',
    'span',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'target'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    th: ['colspan', 'rowspan', 'scope'],
    td: ['colspan', 'rowspan'],
    ol: ['start'],
  },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object', 'embed'],
  transformTags: {
    a: (tagName, attribs) => {
      const attrs: Record<string, string> = { ...attribs, rel: 'noopener noreferrer nofollow' };
      if (attrs.target && attrs.target !== '_blank') delete attrs.target;
      if (attrs.href !== undefined && !SAFE_HREF.test(attrs.href)) delete attrs.href;
      return { tagName, attribs: attrs };
    },
    img: (tagName, attribs) => {
      const attrs: Record<string, string> = { ...attribs };
      if (attrs.src !== undefined && !SAFE_SRC.test(attrs.src)) delete attrs.src;
      return { tagName, attribs: attrs };
    },
  },
  allowedAttributesAppliedToAttributes: undefined,
} as sanitizeHtml.IOptions;

// `rel` is produced by the transform, so it must be allowed on output too.
(OPTIONS.allowedAttributes as Record<string, string[]>).a!.push('rel');

// The portal's own file storage, as a site path: `/files/<id>` (the gateway forwards it).
const PORTAL_FILE = /^\/files\/[A-Za-z0-9_-]+$/;

// For citizens' text: an image from anywhere else is a tracking pixel or a request into the
// reader's intranet, made by every reader's browser; such images are dropped whole.
const PORTAL_IMAGES_ONLY: sanitizeHtml.IOptions = {
  ...OPTIONS,
  transformTags: {
    ...OPTIONS.transformTags,
    img: (tagName, attribs) => {
      const attrs: Record<string, string> = { ...attribs };
      if (attrs.src !== undefined && !PORTAL_FILE.test(attrs.src)) delete attrs.src;
      return { tagName, attribs: attrs };
    },
  },
  exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs.src,
};

export interface RichTextOptions {
  /**
   * Where images may come from: `any` http(s) URL or a site path (editors' articles), or only
   * the portal's own file storage (`/files/<id>`), for text citizens write.
   */
  images?: 'any' | 'portal-files';
}

/**
 * Sanitizes rich text from editors and citizens with an allow-list: paragraphs,
 * headings, lists, links with safe schemes, images, tables and emphasis. Scripts,
 * event handlers, styles and `javascript:` URLs never survive.
 */
export function sanitizeRichText(html: string, options: RichTextOptions = {}): string {
  const rules = options.images === 'portal-files' ? PORTAL_IMAGES_ONLY : OPTIONS;
  return sanitizeHtml(stripControlCharacters(html), rules).trim();
}

// sanitize-html escapes the text it returns; these are the only entities it produces.
const ESCAPED = /&(amp|lt|gt|quot|#39);/g;
const UNESCAPE: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };

/**
 * Plain text as a person typed it, with every tag (and script or style content) removed, for
 * titles, notes and other plain fields. It is text, not HTML: whatever renders it escapes it
 * (JSON needs nothing; templates and feed writers escape), so nothing is double-escaped.
 */
export function stripAllTags(text: string): string {
  return sanitizeHtml(stripControlCharacters(text), { allowedTags: [], allowedAttributes: {} })
    .replace(ESCAPED, (_, name: string) => UNESCAPE[name]!)
    .trim();
}

/**
 * One line of plain text from whatever a person typed (titles, names, sections): tags
 * removed, entities decoded, control characters gone, white space collapsed.
 */
export function plainTextLine(input: string): string {
  return stripAllTags(input).replace(/\s+/g, ' ').trim();
}

/**
 * Plain text that may run over several lines (descriptions, notes): tags removed, entities
 * decoded, control characters gone, spaces collapsed within lines, at most one blank line.
 */
export function plainTextBlock(input: string): string {
  return stripAllTags(input.replace(/\r\n?/g, '\n'))
    .split('\n')
    .map((line) => line.replace(/[^\S\n]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const HTML_SPECIAL = /[&<>"']/g;
const HTML_ENTITY: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Plain text made safe for any HTML context (element content or a quoted attribute), e.g. an
 * Atom `type="html"` title or an RSS description, which feed readers render as HTML.
 */
export function escapeHtml(text: string): string {
  return text.replace(HTML_SPECIAL, (c) => HTML_ENTITY[c]!);
}
