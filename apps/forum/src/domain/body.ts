import { createHash } from 'node:crypto';
import { sanitizeRichText, stripAllTags } from '@portal/html';
import { Marked } from 'marked';
import { excerpt, plainText, words } from '@portal/text';
import type { BodyFormat } from './forum-types';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** Plain text as HTML: blank lines separate paragraphs, single newlines become <br>. */
export function plainTextToHtml(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br />')}</p>`)
    .join('');
}

// GitHub-flavoured, with single line breaks kept as people expect from a comment box.
const markdown = new Marked({ gfm: true, breaks: true, async: false });

/** Markdown as HTML (not yet sanitized: raw HTML inside Markdown passes through to the sanitizer). */
export function markdownToHtml(text: string): string {
  return markdown.parse(text.replace(/\r\n?/g, '\n'), { async: false });
}

const TO_HTML: Record<BodyFormat, (raw: string) => string> = {
  HTML: (raw) => raw,
  PLAIN: plainTextToHtml,
  MARKDOWN: markdownToHtml,
};

/**
 * What a person wrote, as the sanitized HTML the forum stores and serves. Images only from
 * the portal's own file storage: readers' browsers never fetch from a place a writer chose.
 */
export function renderBody(raw: string, format: BodyFormat): string {
  return sanitizeRichText(TO_HTML[format](raw), { images: 'portal-files' });
}

/**
 * A title or short note as plain text: markup removed, entities decoded, whitespace
 * collapsed. Clients render it as text (escaped), never as HTML.
 */
export function cleanLine(raw: string): string {
  return plainText(stripAllTags(raw));
}

const URL_IN_TEXT = /\b(?:https?:\/\/|www\.)[^\s<>"']+/gi;
const HREF = /<a\s[^>]*href="([^"]*)"/gi;

/** Distinct links in sanitized HTML: anchors' targets and URLs written out in the text. */
export function countLinks(html: string): number {
  const found = new Set<string>();
  for (const m of html.matchAll(HREF)) if (m[1]) found.add(normalizeUrl(m[1]));
  for (const m of plainText(html).matchAll(URL_IN_TEXT)) found.add(normalizeUrl(m[0]));
  return found.size;
}

function normalizeUrl(url: string): string {
  return url
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/^www\./, '')
    .replace(/[/.,;:!?)]+$/, '');
}

/** True when the sanitized body has readable text (not just empty tags). */
export function hasText(html: string): boolean {
  return plainText(html).length > 0 || /<img\s/i.test(html);
}

/**
 * A fingerprint of what was said, insensitive to accents, case, punctuation and markup,
 * so a re-post of the same words is recognised as a duplicate.
 */
export function contentFingerprint(...parts: string[]): string {
  const text = parts.map((p) => words(plainText(p)).join(' ')).join('\n');
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}

/** The first words of a body, as plain text, for lists, the moderation queue and e-mail. */
export function bodyExcerpt(html: string, max = 200): string {
  return excerpt(plainText(html), max);
}
