// The traffic of the load: the contract's operations, as the portal's pages and people send them.
import { ensureDevKeyPair, signPersonToken, type Role } from '@portal/auth';
import { contractOperation } from '@portal/local-services';
import type { LoadOperation, Outcome } from './load';

/** The text of one operation of the contract, exactly as clients send it. */
export const operation = contractOperation;

/** One GraphQL request through the gateway, as an Outcome (never throws on an answer). */
export async function post(
  graphUrl: string,
  query: string,
  variables: Record<string, unknown> = {},
  options: { bearer?: string; signal?: AbortSignal } = {},
): Promise<Outcome & { data?: Record<string, any> | null }> {
  const res = await fetch(graphUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(options.bearer ? { authorization: `Bearer ${options.bearer}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
    signal: options.signal,
  });
  const body = await res.text();
  let parsed: {
    data?: Record<string, any> | null;
    errors?: { message: string; extensions?: { code?: string } }[];
  } = {};
  try {
    parsed = JSON.parse(body) as typeof parsed;
  } catch {
    return { status: res.status, errors: res.status === 200 ? ['non-JSON body'] : [], body };
  }
  return {
    status: res.status,
    errors: (parsed.errors ?? []).map((e) => e.extensions?.code ?? e.message),
    body,
    data: parsed.data,
  };
}

let people = 0;

/** A person signed in at the local identity provider (the stack's dev key pair). */
export async function personToken(keysDir: string, role: Role, label = role): Promise<string> {
  const keys = await ensureDevKeyPair(keysDir);
  const n = ++people;
  return signPersonToken(keys.privateKeyPem, {
    sub: `load-${label}-${Date.now().toString(36)}-${n}`,
    name: `Người dùng thử ${label} ${n}`,
    role,
  });
}

export interface Traffic {
  graphUrl: string;
  /** Citizens' tokens: people's answers are never cached, so these reads reach the subgraphs. */
  citizens: string[];
  /** An article of the demo data (its id), for views. */
  articleId: string;
}

const SEARCHES = ['chuyen doi so', 'dữ liệu', 'cong dan so', 'ứng dụng', 'y te', 'giao duc'];

/** The steady mixed traffic the scenarios run under; `mark` tags what writes leave behind. */
export function mixedTraffic(t: Traffic, mark: string): LoadOperation[] {
  let n = 0;
  const citizen = () => t.citizens[n++ % t.citizens.length]!;
  const q = (name: string) => operation(name);
  return [
    {
      name: 'home',
      kind: 'read',
      weight: 3,
      run: (signal) => post(t.graphUrl, q('HomePage'), {}, { signal }),
    },
    {
      name: 'search',
      kind: 'read',
      weight: 2,
      run: (signal) =>
        post(t.graphUrl, q('SearchArticles'), { q: SEARCHES[n++ % SEARCHES.length] }, { signal }),
    },
    // One subgraph each, as a signed-in person (not cached): the latency of each service.
    {
      name: 'content',
      kind: 'read',
      weight: 2,
      run: (signal) =>
        post(
          t.graphUrl,
          '{ articles(first: 5) { nodes { id title } } }',
          {},
          {
            bearer: citizen(),
            signal,
          },
        ),
    },
    {
      name: 'library',
      kind: 'read',
      weight: 2,
      run: (signal) =>
        post(
          t.graphUrl,
          '{ libraryItems(first: 5) { nodes { id title } } }',
          {},
          {
            bearer: citizen(),
            signal,
          },
        ),
    },
    {
      name: 'forum',
      kind: 'read',
      weight: 2,
      run: (signal) =>
        post(
          t.graphUrl,
          '{ threads(first: 5) { nodes { id title } } }',
          {},
          {
            bearer: citizen(),
            signal,
          },
        ),
    },
    {
      name: 'view',
      kind: 'write',
      weight: 2,
      run: (signal) =>
        post(t.graphUrl, q('RecordArticleView'), { id: t.articleId, device: 'MOBILE' }, { signal }),
    },
    {
      name: 'thread',
      kind: 'write',
      weight: 1,
      run: async (signal) => {
        const out = await post(
          t.graphUrl,
          q('CreateThread'),
          {
            input: {
              title: `Đề xuất thử tải ${mark} ${n++}`,
              body: 'Nên mở rộng dịch vụ công trực tuyến cho hồ sơ đất đai.',
              kind: 'PROPOSAL',
            },
          },
          { bearer: citizen(), signal },
        );
        return { ...out, result: out.data?.createThread?.id };
      },
    },
    {
      name: 'feedback',
      kind: 'write',
      weight: 1,
      run: async (signal) => {
        const out = await post(
          t.graphUrl,
          q('SubmitFeedback'),
          {
            input: {
              subject: `Mất điện khu phố ${mark} ${n++}`,
              body: 'Khu phố mất điện từ sáng đến giờ chưa có lại.',
              contactEmail: `load.${mark}.${n}@example.vn`,
              categoryCode: 'DIEN',
            },
          },
          { signal },
        );
        return { ...out, result: out.data?.submitFeedback?.trackingCode };
      },
    },
  ];
}

/** The ids the traffic needs from the demo data. */
export async function demoArticleId(graphUrl: string): Promise<string> {
  const res = await post(graphUrl, operation('HomePage'));
  const id = res.data?.articles?.nodes?.[0]?.id as string | undefined;
  if (!id) throw new Error(`the demo data has no article: ${res.body.slice(0, 300)}`);
  return id;
}
