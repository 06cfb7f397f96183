import { timingSafeEqual } from 'node:crypto';
import { Readable } from 'node:stream';
import express, { type NextFunction, type Request, type Response } from 'express';
import { z } from 'zod';
import { HeldReplies, listen, requestIdMiddleware, type RunningHttpServer } from '@portal/http';
import type { Logger } from '@portal/logger';
import {
  GROUPS,
  ORGANIZATIONS,
  ckanTimestamp,
  demoDatasets,
  generatedFile,
  parseTimestamp,
  type SimDataset,
  type SimResource,
} from './catalog';
import { NO_FAULT, takeFault, type FaultSettings } from './faults';

export interface OpendataSimConfig {
  port: number;
  host?: string;
  /** Bearer key of the `/_control` API. */
  controlKey: string;
  /** How long a "timeout" fault holds its answer. */
  hangMs: number;
}

export interface RunningOpendataSim extends RunningHttpServer {
  /** Calls served per action (package_search, package_show, download…), for tests. */
  calls: Map<string, number>;
  /** The last download of each generated file: bytes handed to the socket, and whether all were. */
  downloads: Map<string, DownloadRecord>;
}

export interface DownloadRecord {
  bytesSent: number;
  complete: boolean;
}

const faultBody = z.strictObject({
  mode: z.enum(['none', 'error', 'timeout', 'malformed']),
  remaining: z.number().int().min(0).nullable().optional(),
  scope: z.enum(['api', 'download', 'all']).optional(),
  hangMs: z.number().int().min(0).optional(),
});

const touchBody = z.strictObject({
  title: z.string().min(1).max(300).optional(),
  notes: z.string().max(5000).optional(),
  /** CSV lines appended to the dataset's first CSV resource. */
  appendRows: z.array(z.string().max(2000)).max(1000).optional(),
});

/** A generated file added to a dataset (its first rows are the access log's). */
const generatedBody = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]{1,60}$/),
  name: z.string().min(1).max(300),
  format: z.enum(['CSV', 'JSON']),
  shape: z.enum(['csv', 'array', 'records']),
  rows: z.number().int().min(0).max(5_000_000),
});

const MAX_ROWS = 1000;

/**
 * A CKAN-compatible open-data portal for development and tests: the Action API
 * (`/api/3/action/<action>`: package_search with `fq=metadata_modified:[… TO …]`, `rows`,
 * `start` and `sort`; package_show, package_list, organization_list/show, group_list,
 * tag_list), resource downloads, and `/_control` to inject faults and change datasets.
 */
export async function startOpendataSim(
  config: OpendataSimConfig,
  logger: Logger,
): Promise<RunningOpendataSim> {
  const log = logger.child({ module: 'opendata-sim' });
  let datasets = demoDatasets();
  let faults: FaultSettings = { ...NO_FAULT, hangMs: config.hangMs };
  const calls = new Map<string, number>();
  const downloads = new Map<string, DownloadRecord>();
  const held = new HeldReplies();
  const count = (name: string) => calls.set(name, (calls.get(name) ?? 0) + 1);

  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(requestIdMiddleware);
  app.get('/healthz', (_req, res) => void res.json({ status: 'ok' }));
  app.get('/readyz', (_req, res) => void res.json({ status: 'ok' }));

  const baseUrl = (req: Request) => `${req.protocol}://${req.get('host')}`;
  const orgView = (name: string) => {
    const o = ORGANIZATIONS.find((x) => x.name === name)!;
    return {
      id: o.id,
      name: o.name,
      title: o.title,
      description: o.description,
      type: 'organization',
      is_organization: true,
      state: 'active',
    };
  };
  /** An organization as organization_show and organization_list?all_fields=true answer it. */
  const orgWithCount = (name: string) => ({
    ...orgView(name),
    package_count: datasets.filter((d) => d.organization === name).length,
  });
  const resourceView = (req: Request, d: SimDataset, r: SimResource, position: number) => ({
    id: r.id,
    package_id: d.id,
    name: r.name,
    description: r.description,
    format: r.format,
    mimetype: r.mimetype,
    url: `${baseUrl(req)}/dataset/${d.name}/resource/${r.id}/download/${r.file}`,
    size: typeof r.content === 'string' ? Buffer.byteLength(r.content) : null,
    created: d.created,
    last_modified: r.lastModified,
    position,
    state: 'active',
  });
  const packageView = (req: Request, d: SimDataset) => ({
    id: d.id,
    name: d.name,
    title: d.title,
    notes: d.notes,
    license_id: d.licenseId,
    license_title: d.licenseTitle,
    license_url: d.licenseUrl,
    organization: orgView(d.organization),
    owner_org: ORGANIZATIONS.find((o) => o.name === d.organization)!.id,
    groups: d.groups.map((g) => {
      const group = GROUPS.find((x) => x.name === g)!;
      return { id: group.id, name: group.name, title: group.title };
    }),
    tags: d.tags.map((t) => ({ name: t, display_name: t, state: 'active' })),
    extras: [{ key: 'update_frequency', value: d.frequency }],
    metadata_created: d.created,
    metadata_modified: d.modified,
    num_resources: d.resources.length,
    num_tags: d.tags.length,
    private: false,
    state: 'active',
    type: 'dataset',
    resources: d.resources.map((r, i) => resourceView(req, d, r, i)),
  });

  /** Answers like CKAN, or misbehaves as the faults say. */
  const answer = (req: Request, res: Response, kind: 'api' | 'download', send: () => void) => {
    const fault = takeFault(faults, kind);
    if (fault === 'error')
      return void res.status(503).type('text/html').send('<h1>503 Service Unavailable</h1>');
    if (fault === 'malformed') {
      if (kind === 'api')
        return void res
          .status(200)
          .type('application/json')
          .send('{"help": "x", "success": true, "result": {"count": 3, "results": [{"id": ');
      if (/\.json$/i.test(String(req.params.file ?? '')))
        return void res.status(200).type('application/json').send('[{"ma": 1}, {"ma": ');
      return void res.status(200).type('text/csv').send('a,b\n"unterminated');
    }
    if (fault === 'timeout') {
      held.later(res, faults.hangMs, send);
      return;
    }
    send();
  };
  const ok = (res: Response, action: string, result: unknown) =>
    res.json({ help: `/api/3/action/help_show?name=${action}`, success: true, result });
  const fail = (res: Response, status: number, type: string, message: string) =>
    res.status(status).json({ help: '', success: false, error: { __type: type, message } });

  const actionHandler = (req: Request, res: Response) => {
    const action = String(req.params.action);
    const params: Record<string, string> = {
      ...(req.query as Record<string, string>),
      ...((req.body as Record<string, string> | undefined) ?? {}),
    };
    count(action);
    answer(req, res, 'api', () => {
      switch (action) {
        case 'package_search': {
          const rows = Math.min(Number(params.rows ?? 10) || 10, MAX_ROWS);
          const start = Math.max(Number(params.start ?? 0) || 0, 0);
          let found = [...datasets];
          const range = /metadata_modified:([[{])(\S+) TO (\S+)([\]}])/.exec(params.fq ?? '');
          if (params.fq && !range)
            return void fail(res, 409, 'Search Query Error', `Invalid search query: ${params.fq}`);
          if (range) {
            const from = range[2] === '*' ? null : parseTimestamp(range[2]!);
            const to = range[3] === '*' ? null : parseTimestamp(range[3]!);
            if ((range[2] !== '*' && !from) || (range[3] !== '*' && !to))
              return void fail(res, 409, 'Search Query Error', 'Invalid date in fq');
            found = found.filter((d) => {
              const m = parseTimestamp(d.modified)!.getTime();
              const lowOk = !from || (range[1] === '[' ? m >= from.getTime() : m > from.getTime());
              const highOk = !to || (range[4] === ']' ? m <= to.getTime() : m < to.getTime());
              return lowOk && highOk;
            });
          }
          if (params.q && params.q !== '*:*') {
            const q = params.q.toLowerCase();
            found = found.filter((d) => `${d.title} ${d.notes}`.toLowerCase().includes(q));
          }
          const desc = /desc/.test(params.sort ?? '');
          found.sort((a, b) =>
            (params.sort ?? '').startsWith('metadata_modified')
              ? (desc ? -1 : 1) * a.modified.localeCompare(b.modified) || a.id.localeCompare(b.id)
              : a.name.localeCompare(b.name),
          );
          return void ok(res, action, {
            count: found.length,
            sort: params.sort ?? 'score desc, metadata_modified desc',
            facets: {},
            search_facets: {},
            results: found.slice(start, start + rows).map((d) => packageView(req, d)),
          });
        }
        case 'package_show': {
          const d = datasets.find((x) => x.id === params.id || x.name === params.id);
          if (!d) return void fail(res, 404, 'Not Found Error', 'Not found');
          return void ok(res, action, packageView(req, d));
        }
        case 'package_list':
          return void ok(res, action, datasets.map((d) => d.name).sort());
        case 'organization_list':
          return void ok(
            res,
            action,
            params.all_fields === 'true'
              ? ORGANIZATIONS.map((o) => orgWithCount(o.name))
              : ORGANIZATIONS.map((o) => o.name),
          );
        case 'organization_show': {
          const o = ORGANIZATIONS.find((x) => x.id === params.id || x.name === params.id);
          if (!o) return void fail(res, 404, 'Not Found Error', 'Not found');
          return void ok(res, action, orgWithCount(o.name));
        }
        case 'group_list':
          return void ok(
            res,
            action,
            params.all_fields === 'true'
              ? GROUPS.map((g) => ({
                  ...g,
                  package_count: datasets.filter((d) => d.groups.includes(g.name)).length,
                }))
              : GROUPS.map((g) => g.name),
          );
        case 'tag_list':
          return void ok(res, action, [...new Set(datasets.flatMap((d) => d.tags))].sort());
        case 'status_show':
          return void ok(res, action, {
            ckan_version: '2.10.4',
            site_title: 'Dữ liệu mở TP.HCM (giả lập)',
          });
        default:
          return void fail(
            res,
            400,
            'Bad request - Action does not exist',
            `Action name not known: ${action}`,
          );
      }
    });
  };
  app.get('/api/3/action/:action', actionHandler);
  app.post('/api/3/action/:action', express.json({ limit: '100kb' }), actionHandler);

  app.get('/dataset/:name/resource/:id/download/:file', (req, res) => {
    count('download');
    const d = datasets.find((x) => x.name === req.params.name);
    const r = d?.resources.find((x) => x.id === req.params.id && x.file === req.params.file);
    if (!d || !r) return void res.status(404).type('text/plain').send('Not found');
    answer(req, res, 'download', () => {
      res.type(r.mimetype);
      if (typeof r.content === 'string') return void res.send(r.content);
      // A large file, written as the reader takes it (backpressure stops the generator when
      // the reader stops reading).
      const record: DownloadRecord = { bytesSent: 0, complete: false };
      downloads.set(r.id, record);
      const pieces = generatedFile(r.content);
      Readable.from(
        (function* () {
          for (const piece of pieces) {
            record.bytesSent += Buffer.byteLength(piece);
            yield piece;
          }
          record.complete = true;
        })(),
      ).pipe(res);
    });
  });

  const requireKey = (req: Request, res: Response, next: NextFunction) => {
    const given = Buffer.from(req.get('authorization') ?? '');
    const expected = Buffer.from(`Bearer ${config.controlKey}`);
    if (given.length !== expected.length || !timingSafeEqual(given, expected))
      return void res.status(401).json({ error: 'invalid control key' });
    next();
  };
  app.get('/_control/state', requireKey, (_req, res) => {
    res.json({
      faults,
      calls: Object.fromEntries(calls),
      downloads: Object.fromEntries(downloads),
      datasets: datasets.map((d) => ({ name: d.name, modified: d.modified })),
    });
  });
  app.put('/_control/faults', requireKey, express.json(), (req, res) => {
    const parsed = faultBody.safeParse(req.body);
    if (!parsed.success)
      return void res.status(400).json({ error: parsed.error.issues.map((i) => i.message) });
    faults = {
      mode: parsed.data.mode,
      remaining: parsed.data.remaining ?? null,
      scope: parsed.data.scope ?? 'all',
      hangMs: parsed.data.hangMs ?? config.hangMs,
    };
    log.info({ faults }, 'faults changed');
    res.json({ faults });
  });
  app.post('/_control/datasets/:name/touch', requireKey, express.json(), (req, res) => {
    const d = datasets.find((x) => x.name === req.params.name);
    if (!d) return void res.status(404).json({ error: 'no such dataset' });
    const parsed = touchBody.safeParse(req.body ?? {});
    if (!parsed.success)
      return void res.status(400).json({ error: parsed.error.issues.map((i) => i.message) });
    const now = ckanTimestamp(new Date());
    if (parsed.data.title) d.title = parsed.data.title;
    if (parsed.data.notes !== undefined) d.notes = parsed.data.notes;
    if (parsed.data.appendRows?.length) {
      const csv = d.resources.find((r) => r.format === 'CSV' && typeof r.content === 'string');
      if (csv) {
        csv.content = `${csv.content as string}\n${parsed.data.appendRows.join('\n')}`;
        csv.lastModified = now;
      }
    }
    d.modified = now;
    res.json({ name: d.name, modified: d.modified });
  });
  app.post('/_control/datasets/:name/resources', requireKey, express.json(), (req, res) => {
    const d = datasets.find((x) => x.name === req.params.name);
    if (!d) return void res.status(404).json({ error: 'no such dataset' });
    const parsed = generatedBody.safeParse(req.body ?? {});
    if (!parsed.success)
      return void res.status(400).json({ error: parsed.error.issues.map((i) => i.message) });
    const { id, name, format, shape, rows } = parsed.data;
    const now = ckanTimestamp(new Date());
    const resource: SimResource = {
      id,
      name,
      description: `Tệp lớn sinh tự động: ${rows} dòng.`,
      format,
      mimetype: format === 'JSON' ? 'application/json' : 'text/csv',
      file: `${id}.${format.toLowerCase()}`,
      content: { rows, shape },
      lastModified: now,
    };
    d.resources = [...d.resources.filter((r) => r.id !== id), resource];
    d.modified = now;
    res.status(201).json(resourceView(req, d, resource, d.resources.length - 1));
  });
  app.delete('/_control/datasets/:name', requireKey, (req, res) => {
    const before = datasets.length;
    datasets = datasets.filter((d) => d.name !== req.params.name);
    res.status(before === datasets.length ? 404 : 204).end();
  });
  app.post('/_control/reset', requireKey, (_req, res) => {
    datasets = demoDatasets();
    faults = { ...NO_FAULT, hangMs: config.hangMs };
    calls.clear();
    downloads.clear();
    res.json({ faults });
  });

  app.use((err: Error & { status?: number }, _req: Request, res: Response, _next: NextFunction) => {
    const status = err.status && err.status >= 400 && err.status < 500 ? err.status : 500;
    if (status === 500) log.error({ err }, 'request failed');
    res.status(status).json({
      success: false,
      error: { message: status === 500 ? 'internal error' : err.message },
    });
  });

  const server = await listen(app, config.port, config.host);
  log.info({ url: server.url }, 'open-data portal simulator listening');
  return {
    ...server,
    calls,
    downloads,
    close: async () => {
      held.clear();
      await server.close();
    },
  };
}
