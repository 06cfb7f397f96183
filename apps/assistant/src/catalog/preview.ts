import { JSONParser } from '@streamparser/json';
import { parse } from 'csv-parse';
import type { PreviewColumn, PreviewStatus } from '../models/resource.model';

export interface PreviewLimits {
  /** Bytes read at most from a file (a longer CSV or JSON is cut there, its preview truncated). */
  maxBytes: number;
  /** Rows shown in the preview. */
  previewRows: number;
  /** Rows kept for tabular answers. */
  tableRows: number;
  timeoutMs: number;
}

export interface PreviewResult {
  status: Exclude<PreviewStatus, 'PENDING'>;
  message: string | null;
  columns: PreviewColumn[];
  /** The rows kept (at most `tableRows`); the preview shows the first `previewRows`. */
  rows: string[][];
  truncated: boolean;
  /** True when a later try may succeed (5xx, timeout, connection error). */
  retryable: boolean;
}

const unreadable = (message: string, retryable = false): PreviewResult => ({
  status: 'UNREADABLE',
  message,
  columns: [],
  rows: [],
  truncated: false,
  retryable,
});

/** CSV or JSON by the declared format, else by the URL's extension; null for anything else. */
export function previewKind(format: string, url: string): 'CSV' | 'JSON' | null {
  const f = format.trim().toUpperCase();
  if (f === 'CSV' || f === 'TEXT/CSV') return 'CSV';
  if (f === 'JSON' || f === 'APPLICATION/JSON' || f === 'GEOJSON') return 'JSON';
  if (f) return null;
  if (/\.csv(\?|$)/i.test(url)) return 'CSV';
  if (/\.json(\?|$)/i.test(url)) return 'JSON';
  return null;
}

const INTEGER = /^[-+]?\d+$/;
const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
const BOOLEAN = /^(true|false)$/i;
const DATE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** A column's type from the values read: the narrowest that every non-empty value fits. */
export function inferType(values: readonly (string | null | undefined)[]): PreviewColumn['type'] {
  const present = values
    .filter((v): v is string => v != null && v.trim() !== '')
    .map((v) => v.trim());
  if (!present.length) return 'STRING';
  if (present.every((v) => INTEGER.test(v))) return 'INTEGER';
  if (present.every((v) => NUMBER.test(v))) return 'NUMBER';
  if (present.every((v) => BOOLEAN.test(v))) return 'BOOLEAN';
  if (present.every((v) => DATE.test(v) && !Number.isNaN(Date.parse(v)))) return 'DATE';
  return 'STRING';
}

function typed(names: string[], rows: string[][]): PreviewColumn[] {
  return names.map((name, i) => ({ name, type: inferType(rows.map((r) => r[i])) }));
}

/**
 * Reads the start of a CSV or JSON resource as a stream, within the byte, row and time
 * limits, and returns its columns (with inferred types) and first rows, or why it cannot.
 */
export async function previewResource(
  url: string,
  format: string,
  limits: PreviewLimits,
): Promise<PreviewResult> {
  const kind = previewKind(format, url);
  if (!kind)
    return {
      status: 'UNSUPPORTED',
      message: `No preview for ${format || 'this'} files (CSV and JSON only)`,
      columns: [],
      rows: [],
      truncated: false,
      retryable: false,
    };
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(new Error('timed out')), limits.timeoutMs);
  try {
    let res: Response;
    try {
      res = await fetch(url, { signal: abort.signal });
    } catch (err) {
      return unreadable(
        `Download failed: ${(abort.signal.reason as Error | undefined)?.message ?? (err as Error).message}`,
        true,
      );
    }
    if (!res.ok || !res.body) {
      await res.body?.cancel().catch(() => {});
      return unreadable(
        `Download failed: HTTP ${res.status}`,
        res.status >= 500 || res.status === 429,
      );
    }
    return kind === 'CSV'
      ? await readCsv(res.body, limits, abort)
      : await readJson(res.body, limits, abort);
  } catch (err) {
    if (abort.signal.aborted && (abort.signal.reason as Error | undefined)?.message === 'timed out')
      return unreadable('Download timed out', true);
    return unreadable(`Could not read the file: ${(err as Error).message}`);
  } finally {
    clearTimeout(timer);
  }
}

async function readCsv(
  body: ReadableStream<Uint8Array>,
  limits: PreviewLimits,
  abort: AbortController,
): Promise<PreviewResult> {
  const parser = parse({ bom: true, relax_column_count: true, skip_empty_lines: true, trim: true });
  const rows: string[][] = [];
  let header: string[] | null = null;
  let bytes = 0;
  let truncated = false;
  let parseError: Error | null = null;
  parser.on('error', (err) => (parseError = err));
  const done = (async () => {
    for await (const record of parser as AsyncIterable<string[]>) {
      if (!header) header = record;
      else if (rows.length < limits.tableRows) rows.push(record);
      else truncated = true;
    }
  })().catch((err: Error) => (parseError = err));
  const reader = body.getReader();
  try {
    while (!truncated) {
      const { value, done: end } = await reader.read();
      if (end) break;
      bytes += value.byteLength;
      if (bytes > limits.maxBytes) {
        // Feed only up to the last complete line within the limit.
        const keep = value.subarray(0, value.byteLength - (bytes - limits.maxBytes));
        const lastBreak = keep.lastIndexOf(10);
        if (lastBreak >= 0) parser.write(Buffer.from(keep.subarray(0, lastBreak + 1)));
        truncated = true;
        break;
      }
      if (!parser.write(Buffer.from(value)))
        await new Promise<void>((r) => parser.once('drain', () => r()));
      if (rows.length >= limits.tableRows) truncated = true;
    }
  } finally {
    if (truncated) abort.abort(new Error('limit reached'));
    reader.releaseLock();
  }
  parser.end();
  await done;
  if (parseError && !(truncated && rows.length))
    return unreadable(`Not valid CSV: ${(parseError as Error).message}`);
  if (!header) return unreadable('The file is empty');
  const names = (header as string[]).map((h, i) => h || `column_${i + 1}`);
  return {
    status: 'READY',
    message: null,
    columns: typed(names, rows),
    rows,
    truncated,
    retryable: false,
  };
}

/** Where the records of a JSON resource may be: the root array or a usual key's array. */
const RECORD_PATHS = [
  '$.*',
  '$.records.*',
  '$.data.*',
  '$.items.*',
  '$.result.*',
  '$.result.records.*',
  '$.features.*',
];

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Reads records from a JSON stream (an array of objects, as is or under `records`, `data`,
 * `items`, `result`, `result.records`, or GeoJSON features' properties) until the row or byte
 * limit, then drops the download: the body is never held whole.
 */
async function readJson(
  body: ReadableStream<Uint8Array>,
  limits: PreviewLimits,
  abort: AbortController,
): Promise<PreviewResult> {
  // keepStack: false drops each record from its parent once emitted, so memory stays bounded.
  const parser = new JSONParser({ paths: RECORD_PATHS, keepStack: false });
  const rows: Record<string, unknown>[] = [];
  let source: unknown = null;
  let truncated = false;
  let parseError: Error | null = null;
  let ended = false;
  parser.onValue = ({ value, key, parent }) => {
    // Array elements only (a root object's own keys match `$.*` too), from the first array
    // that holds a record.
    if (typeof key !== 'number' || !Array.isArray(parent)) return;
    if (source !== null && parent !== source) return;
    const record =
      isObject(value) && isObject(value.properties) && value.type === 'Feature'
        ? value.properties
        : value;
    if (!isObject(record)) return;
    source = parent;
    if (rows.length < limits.tableRows) rows.push(record);
    else truncated = true;
  };
  parser.onError = (err) => void (parseError ??= err);
  parser.onEnd = () => void (ended = true);

  let bytes = 0;
  const reader = body.getReader();
  try {
    while (!truncated && !parseError) {
      const { value, done } = await reader.read();
      if (done) {
        if (!ended) parser.end();
        break;
      }
      bytes += value.byteLength;
      if (bytes > limits.maxBytes) {
        // Parse up to the limit; a record cut there is not kept.
        const keep = value.subarray(0, value.byteLength - (bytes - limits.maxBytes));
        if (keep.byteLength && !ended) parser.write(keep);
        truncated = true;
        break;
      }
      if (!ended) parser.write(value);
    }
  } catch (err) {
    parseError ??= err as Error;
  } finally {
    if (truncated || parseError) abort.abort(new Error('limit reached'));
    reader.releaseLock();
  }
  if (parseError && !truncated)
    return unreadable(`Not valid JSON: ${(parseError as Error).message}`);
  if (!rows.length)
    return unreadable(
      truncated
        ? `No list of records in the first ${limits.maxBytes} bytes of the JSON`
        : 'The JSON is not a list of records',
    );
  const names: string[] = [];
  for (const r of rows)
    for (const k of Object.keys(r)) if (!names.includes(k) && names.length < 100) names.push(k);
  const text = (v: unknown) =>
    v == null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
  const table = rows.map((r) => names.map((n) => text(r[n])));
  return {
    status: 'READY',
    message: null,
    columns: typed(names, table),
    rows: table,
    truncated,
    retryable: false,
  };
}
