import { z } from 'zod';
import type { Logger } from '@portal/logger';

/** The open-data portal failed in a way a later try may fix (5xx, timeout, malformed answer). */
export class PortalUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PortalUnavailableError';
  }
}

const resource = z.object({
  id: z.string().min(1),
  name: z.string().nullish(),
  description: z.string().nullish(),
  format: z.string().nullish(),
  url: z.string().min(1),
  size: z.union([z.number(), z.string()]).nullish(),
  last_modified: z.string().nullish(),
  created: z.string().nullish(),
  position: z.number().nullish(),
});

export const ckanPackage = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  title: z.string().nullish(),
  notes: z.string().nullish(),
  license_id: z.string().nullish(),
  license_title: z.string().nullish(),
  license_url: z.string().nullish(),
  organization: z.object({ name: z.string(), title: z.string().nullish() }).nullish(),
  groups: z.array(z.object({ name: z.string() })).nullish(),
  tags: z.array(z.object({ name: z.string() })).nullish(),
  extras: z.array(z.object({ key: z.string(), value: z.unknown() })).nullish(),
  metadata_modified: z.string().min(1),
  private: z.boolean().nullish(),
  state: z.string().nullish(),
  resources: z.array(resource).nullish(),
});

export type CkanPackage = z.infer<typeof ckanPackage>;
export type CkanResource = z.infer<typeof resource>;

const envelope = <T extends z.ZodType>(result: T) => z.object({ success: z.literal(true), result });

export interface CkanClientOptions {
  /** The portal's base URL, e.g. https://data.hochiminhcity.gov.vn. */
  baseUrl: string;
  timeoutMs: number;
  /** Tries per call (first one included) for 5xx, timeouts and malformed answers. */
  attempts: number;
  /** Backoff before the n-th retry: base × 2^(n-1). */
  backoffMs: number;
  logger: Logger;
}

/** A CKAN timestamp (UTC without a zone) as a Date. */
export function parseCkanDate(text: string | null | undefined): Date | null {
  if (!text) return null;
  const iso = /[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text}Z`;
  const date = new Date(iso.replace(/(\.\d{3})\d+/, '$1'));
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * The CKAN Action API (read only), with a timeout per call and retries with exponential
 * backoff for what a retry can fix: 5xx, timeouts, connection errors and malformed JSON.
 */
export function createCkanClient(options: CkanClientOptions) {
  const base = options.baseUrl.replace(/\/+$/, '');
  const log = options.logger.child({ module: 'ckan-client' });

  async function once<T extends z.ZodType>(
    action: string,
    params: Record<string, string>,
    schema: T,
  ): Promise<z.output<T>> {
    const url = `${base}/api/3/action/${action}?${new URLSearchParams(params)}`;
    let res: Response;
    let text: string;
    try {
      res = await fetch(url, {
        headers: { accept: 'application/json' },
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      text = await res.text();
    } catch (err) {
      throw new PortalUnavailableError(`${action}: ${(err as Error).message}`);
    }
    if (res.status >= 500 || res.status === 429)
      throw new PortalUnavailableError(`${action}: HTTP ${res.status}`);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new PortalUnavailableError(`${action}: malformed JSON (HTTP ${res.status})`);
    }
    const parsed = envelope(schema).safeParse(body);
    if (!parsed.success) {
      if (res.status === 404) return null as z.output<T>;
      throw new PortalUnavailableError(
        `${action}: unexpected answer (HTTP ${res.status}): ${parsed.error.issues[0]?.message ?? ''}`,
      );
    }
    return (parsed.data as { result: unknown }).result as z.output<T>;
  }

  async function call<T extends z.ZodType>(
    action: string,
    params: Record<string, string>,
    schema: T,
  ): Promise<z.output<T>> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await once(action, params, schema);
      } catch (err) {
        if (!(err instanceof PortalUnavailableError) || attempt >= options.attempts) throw err;
        const delay = options.backoffMs * 2 ** (attempt - 1);
        log.warn({ err: err.message, attempt, delay }, 'open-data portal call failed; retrying');
        await new Promise((r) => setTimeout(r, delay));
      }
    }
  }

  return {
    /** Datasets modified at or after `since`, oldest first, `rows` from `start`. */
    searchModifiedSince(since: Date | null, start: number, rows: number) {
      const from = since ? since.toISOString() : '*';
      return call(
        'package_search',
        {
          q: '*:*',
          fq: `metadata_modified:[${from} TO *]`,
          sort: 'metadata_modified asc',
          rows: String(rows),
          start: String(start),
          include_private: 'false',
        },
        z.object({ count: z.number().int().min(0), results: z.array(ckanPackage) }),
      );
    },
    /** One dataset; null when the portal does not have it. */
    showPackage: (id: string) => call('package_show', { id }, ckanPackage.nullable()),
    /** The names of every public dataset (to notice the ones that were removed). */
    listPackages: () => call('package_list', {}, z.array(z.string())),
    listOrganizations: () =>
      call(
        'organization_list',
        { all_fields: 'true' },
        z.array(z.object({ name: z.string(), title: z.string().nullish() })),
      ),
    listGroups: () => call('group_list', {}, z.array(z.string())),
    listTags: () => call('tag_list', {}, z.array(z.string())),
  };
}

export type CkanClient = ReturnType<typeof createCkanClient>;
