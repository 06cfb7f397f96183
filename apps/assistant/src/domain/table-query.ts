import { fold, words } from '@portal/text';
import { STOPWORDS } from '../retrieval/terms';

export type TableIntent = 'COUNT' | 'LIST';

/** Folded question with English and short forms of place names mapped to the data's words. */
export function normalizeQuestion(question: string): string {
  return ` ${words(question).join(' ')} `
    .replace(/ district (\w+) /g, ' quan $1 ')
    .replace(/ (\w+) district /g, ' quan $1 ')
    .replace(/ q (\d+) /g, ' quan $1 ')
    .replace(/ thu duc city /g, ' tp thu duc ')
    .replace(/ ward (\w+) /g, ' phuong $1 ');
}

/** Whether a question asks for a number or a list (the table answers it), or neither. */
export function tableIntent(question: string): TableIntent | null {
  const q = normalizeQuestion(question);
  if (/ (bao nhieu|how many|so luong|tong so|number of|dem) /.test(q)) return 'COUNT';
  if (
    / (liet ke|danh sach|list|which|nhung \w+( \w+)? nao|cac \w+( \w+)? nao|o dau|where) /.test(q)
  )
    return 'LIST';
  return null;
}

export interface TableFilter {
  column: string;
  value: string;
}

export interface TableMatch {
  filters: TableFilter[];
  /** Indexes of the matching rows. */
  rows: number[];
  /** Topic words of the question that neither the filters nor the table's own words explain. */
  unexplained: string[];
}

/**
 * The rows a question asks about: for each column, the longest value that the question
 * names as whole words (e.g. "Quận 1", not "Quận 10"); rows must match every such value.
 * `context` is the table's own words (dataset title, column names), which are not filters.
 */
export function matchRows(
  question: string,
  columns: readonly string[],
  rows: readonly (readonly string[])[],
  context: string,
): TableMatch {
  const q = normalizeQuestion(question);
  const filters: TableFilter[] = [];
  const spans: string[] = [];
  columns.forEach((column, c) => {
    const values = new Map<string, string>();
    for (const row of rows) {
      const v = row[c]?.trim();
      if (v && v.length <= 80) values.set(words(v).join(' '), v);
    }
    let best: [string, string] | null = null;
    for (const [key, value] of values) {
      if (key.length < 2 || !/[a-z]/.test(key)) continue;
      if (!q.includes(` ${key} `)) continue;
      if (!best || key.length > best[0].length) best = [key, value];
    }
    if (best) {
      filters.push({ column, value: best[1] });
      spans.push(best[0]);
    }
  });
  const explained = new Set([
    ...words(context),
    ...columns.flatMap((c) => words(c.replace(/_/g, ' '))),
    ...spans.flatMap((s) => s.split(' ')),
  ]);
  const unexplained = [...new Set(q.trim().split(' '))].filter(
    (w) => w && !STOPWORDS.has(w) && !explained.has(w) && !INTENT_WORDS.has(w),
  );
  const index = new Map(columns.map((c, i) => [c, i]));
  const matching = rows
    .map((_, i) => i)
    .filter((i) =>
      filters.every((f) => fold(rows[i]![index.get(f.column)!] ?? '').trim() === fold(f.value)),
    );
  return { filters, rows: matching, unexplained };
}

const INTENT_WORDS = new Set(
  'bao nhieu how many so luong tong dem liet ke danh sach list which nhung cac o dau where diem co tat ca hien dang'.split(
    ' ',
  ),
);
