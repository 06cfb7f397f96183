import { escapeHtml } from '@portal/html';

/** One figure of the report: its part, where in the part, and its value. */
export interface ReportRow {
  part: string;
  metric: string;
  value: string;
}

/** The portalStats parts of one month, as the subgraphs answered them (null: not available). */
export type ReportParts = Record<string, unknown>;

function text(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'number' && !Number.isInteger(value))
    return String(Math.round(value * 10000) / 10000);
  return String(value);
}

// A list item is named by its first field (department, agency, kind…) when it has one.
const LABEL_FIELDS = [
  'kind',
  'device',
  'region',
  'referrer',
  'department',
  'agency',
  'categoryCode',
  'unit',
  'role',
  'from',
];

function flatten(value: unknown, path: string, rows: { metric: string; value: string }[]): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      const label =
        item && typeof item === 'object'
          ? LABEL_FIELDS.map((f) => (item as Record<string, unknown>)[f]).find(
              (v) => v !== undefined,
            )
          : undefined;
      flatten(
        item,
        `${path}[${label === undefined ? i : label === null ? '-' : text(label)}]`,
        rows,
      );
    });
    return;
  }
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    for (const [key, v] of Object.entries(value)) {
      if (key === '__typename') continue;
      flatten(v, path ? `${path}.${key}` : key, rows);
    }
    return;
  }
  rows.push({ metric: path, value: text(value) });
}

/** Every figure of every part, one row each, in a stable order. */
export function reportRows(parts: ReportParts): ReportRow[] {
  return Object.keys(parts)
    .sort()
    .flatMap((part) => {
      if (parts[part] === null) return [{ part, metric: '(not available)', value: '' }];
      const rows: { metric: string; value: string }[] = [];
      flatten(parts[part], '', rows);
      return rows.map((r) => ({ part, ...r }));
    });
}

function csvCell(value: string): string {
  // Quote every cell; a leading =, +, - or @ is prefixed so spreadsheets never run it as a formula.
  const safe = /^[=+\-@]/.test(value) && Number.isNaN(Number(value)) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** RFC 4180 CSV with a header, UTF-8 with a BOM so spreadsheet programs read Vietnamese right. */
export function reportCsv(month: string, rows: readonly ReportRow[]): string {
  const lines = [
    ['month', 'part', 'metric', 'value'],
    ...rows.map((r) => [month, r.part, r.metric, r.value]),
  ];
  return `\uFEFF${lines.map((l) => l.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** A self-contained printable page: one table per part. */
export function reportHtml(month: string, generatedAt: Date, rows: readonly ReportRow[]): string {
  const [year, m] = month.split('-');
  const parts = [...new Set(rows.map((r) => r.part))];
  const tables = parts
    .map((part) => {
      const body = rows
        .filter((r) => r.part === part)
        .map(
          (r) =>
            `<tr><td>${escapeHtml(r.metric)}</td><td class="v">${escapeHtml(r.value)}</td></tr>`,
        )
        .join('\n');
      return `<section><h2>${escapeHtml(part)}</h2><table><thead><tr><th>Chỉ số</th><th>Giá trị</th></tr></thead><tbody>\n${body}\n</tbody></table></section>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Báo cáo tháng ${Number(m)}/${year} — Cổng thông tin Chuyển đổi số</title>
<style>
body{font-family:system-ui,sans-serif;margin:2rem;color:#111}
table{border-collapse:collapse;width:100%;margin-bottom:1.5rem}
th,td{border:1px solid #999;padding:.25rem .5rem;text-align:left;font-size:.9rem}
td.v{text-align:right;font-variant-numeric:tabular-nums}
section{break-inside:avoid-page}
@media print{body{margin:0}a{color:inherit}}
</style></head><body>
<h1>Báo cáo hoạt động Cổng thông tin Chuyển đổi số — tháng ${Number(m)}/${year}</h1>
<p>Lập lúc ${escapeHtml(generatedAt.toISOString())}. Lượt xem chính xác; số người đọc là ước lượng (HyperLogLog).</p>
${tables}
</body></html>
`;
}
