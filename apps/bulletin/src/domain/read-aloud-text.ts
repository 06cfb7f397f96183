import { stripAllTags } from '@portal/html';
import type { RenderResult } from '../audio/speech-renderer';

/** What the read-aloud text is built from: the issue and its items in reading order. */
export interface ReadAloudSource {
  number: number;
  year: number;
  month: number;
  title: string;
  /** Sanitized HTML. */
  editorial: string | null;
  sections: {
    title: string;
    items: { title: string; summary: string | null; note: string | null }[];
  }[];
}

export const READ_ALOUD_LANGUAGE = 'vi';

/**
 * An issue's read-aloud record: its text, in READ_ALOUD_LANGUAGE, and the audio rendered from it
 * (or why there is none); no audio yet while `audio` is null.
 */
export function readAloudRecord(text: string, audio: RenderResult | null = null) {
  return {
    text,
    language: READ_ALOUD_LANGUAGE,
    audioFile: audio?.ok ? audio.file : null,
    durationSeconds: audio?.ok ? audio.durationSeconds : null,
    audioError: audio && !audio.ok ? audio.reason : null,
  };
}

// Abbreviations common in the city's administrative writing, spoken in full.
const ABBREVIATIONS: [RegExp, string][] = (
  [
    ['TP\\.\\s?HCM', 'Thành phố Hồ Chí Minh'],
    ['TP\\.\\s?Hồ Chí Minh', 'Thành phố Hồ Chí Minh'],
    ['CĐS', 'chuyển đổi số'],
    ['UBND', 'Ủy ban nhân dân'],
    ['HĐND', 'Hội đồng nhân dân'],
    ['TT&TT', 'Thông tin và Truyền thông'],
    ['KH&CN', 'Khoa học và Công nghệ'],
    ['CNTT', 'công nghệ thông tin'],
    ['DVC', 'dịch vụ công'],
  ] as [string, string][]
).map(([abbr, full]) => [new RegExp(`(?<![\\p{L}\\p{N}])${abbr}(?![\\p{L}\\p{N}])`, 'gu'), full]);

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  hellip: '…',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X'
          ? parseInt(name.slice(2), 16)
          : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff
        ? String.fromCodePoint(code)
        : ' ';
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** One spoken sentence or paragraph: no markup, no links, abbreviations in full, closing punctuation. */
export function speakable(text: string): string {
  let out = decodeEntities(text)
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/\p{Cc}+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  for (const [pattern, full] of ABBREVIATIONS) out = out.replace(pattern, full);
  if (out && !/[.!?…:;]$/.test(out)) out += '.';
  return out;
}

/** Rich text as spoken paragraphs: block elements and line breaks become paragraph breaks. */
export function htmlToSpeech(html: string): string[] {
  const withBreaks = html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|h[1-6]|blockquote|tr|figcaption|pre)>/gi, '\n')
    .replace(/<(li)\b[^>]*>/gi, '\n');
  return stripAllTags(withBreaks).split(/\n+/).map(speakable).filter(Boolean);
}

/**
 * The issue as plain speech text, in reading order: the masthead, the title, the editorial,
 * then each section and its articles (title, summary, the editors' note), and a closing line.
 * Paragraphs are separated by blank lines, which the speech engine reads as pauses.
 */
export function buildReadAloudText(source: ReadAloudSource): string {
  const paragraphs: string[] = [
    `Bản tin Chuyển đổi số Thành phố Hồ Chí Minh, số ${source.number}, tháng ${source.month} năm ${source.year}.`,
    speakable(source.title),
  ];
  if (source.editorial) {
    const editorial = htmlToSpeech(source.editorial);
    if (editorial.length) paragraphs.push('Lời mở đầu.', ...editorial);
  }
  for (const section of source.sections) {
    if (section.items.length === 0) continue;
    paragraphs.push(`Chuyên mục: ${speakable(section.title)}`);
    section.items.forEach((item, i) => {
      const parts = [`Bài ${i + 1}: ${speakable(item.title)}`];
      if (item.summary) parts.push(...htmlToSpeech(item.summary));
      if (item.note) parts.push(`Ghi chú của ban biên tập: ${speakable(item.note)}`);
      paragraphs.push(parts.join(' '));
    });
  }
  paragraphs.push(`Bản tin số ${source.number} đến đây là hết. Cảm ơn quý vị đã lắng nghe.`);
  return paragraphs.filter(Boolean).join('\n\n');
}

/** An article as an issue's read-aloud text and highlights show it. */
export interface IssueArticle {
  id: string;
  slug: string | null;
  title: string;
  summary: string | null;
}

/**
 * What publishing writes on an issue from its live items, in reading order: the read-aloud
 * text and the highlights. Every item's article must be in `articles`.
 */
export function publishedContents(
  issue: Omit<ReadAloudSource, 'sections'>,
  sections: readonly {
    title: string;
    items: readonly { articleId: string; note: string | null }[];
  }[],
  articles: ReadonlyMap<string, IssueArticle>,
): { text: string; highlights: { articleId: string; slug: string | null; title: string }[] } {
  const articleOf = (id: string) => articles.get(id)!;
  const text = buildReadAloudText({
    number: issue.number,
    year: issue.year,
    month: issue.month,
    title: issue.title,
    editorial: issue.editorial,
    sections: sections.map((s) => ({
      title: s.title,
      items: s.items.map((item) => {
        const article = articleOf(item.articleId);
        return { title: article.title, summary: article.summary, note: item.note };
      }),
    })),
  });
  const highlights = sections.flatMap((s) =>
    s.items.map((item) => {
      const article = articleOf(item.articleId);
      return { articleId: article.id, slug: article.slug, title: article.title };
    }),
  );
  return { text, highlights };
}
