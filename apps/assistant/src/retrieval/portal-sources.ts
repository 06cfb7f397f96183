import { webPages } from '@portal/config';
import { createServiceClient } from '@portal/graphql-kit';
import { plainText } from '@portal/text';
import type { SourceType } from '../models/passage.model';
import type { SourceDocument } from './passage-index';

export interface PortalSourcesOptions {
  /** Base URLs (no path) of the subgraphs that own the content. */
  contentUrl: string;
  libraryUrl: string;
  forumUrl: string;
  internalTokenSecret: string;
  webBaseUrl: string;
  timeoutMs?: number;
}

/** A published object of another service, as documents to index (none: not published or gone). */
export type FetchedSource = { id: string; docs: SourceDocument[] };

const ARTICLE_FIELDS = 'id slug title summary body kind';
const ITEM_FIELDS = 'id slug title description topics publisher';
const THREAD_FIELDS = 'id title officialAnswer { id body department { name } }';

const PAGE = 100;
const CHUNK = 50;

interface ArticleView {
  id: string;
  slug: string;
  title: string;
  summary: string | null;
  body: string;
  kind: string;
}
interface ItemView {
  id: string;
  slug: string;
  title: string;
  description: string | null;
  topics: string[];
  publisher: string | null;
}
interface ThreadView {
  id: string;
  title: string;
  officialAnswer: { id: string; body: string; department: { name: string } | null } | null;
}

/**
 * Reads published content from the subgraphs that own it, through their GraphQL APIs as a
 * signed service caller (which they treat like the public: drafts, archived and hidden
 * objects come back as null). Never their databases.
 */
export function createPortalSources(options: PortalSourcesOptions) {
  const pages = webPages(options.webBaseUrl);
  const client = (target: string, url: string) =>
    createServiceClient({
      target,
      url: `${url}/graphql`,
      service: 'assistant',
      internalTokenSecret: options.internalTokenSecret,
      timeoutMs: options.timeoutMs ?? 10_000,
    });
  const content = client('content', options.contentUrl);
  const library = client('library', options.libraryUrl);
  const forum = client('forum', options.forumUrl);

  const articleDocs = (a: ArticleView): SourceDocument[] => [
    {
      kind: a.kind === 'HANDBOOK' ? 'HANDBOOK' : 'ARTICLE',
      citeId: a.id,
      title: a.title,
      link: pages.article(a.slug),
      text: [a.summary, plainText(a.body)].filter(Boolean).join(' '),
    },
  ];
  const itemDocs = (i: ItemView): SourceDocument[] => [
    {
      kind: 'LIBRARY_ITEM',
      citeId: i.id,
      title: i.title,
      link: pages.libraryItem(i.slug),
      text:
        [
          i.description ? plainText(i.description) : null,
          i.topics.length ? `Chủ đề: ${i.topics.join(', ')}.` : null,
          i.publisher ? `Nguồn: ${i.publisher}.` : null,
        ]
          .filter(Boolean)
          .join(' ') || i.title,
    },
  ];
  const threadDocs = (t: ThreadView): SourceDocument[] =>
    t.officialAnswer
      ? [
          {
            kind: 'OFFICIAL_ANSWER',
            citeId: t.id,
            title: t.title,
            link: pages.thread(t.id),
            text: plainText(t.officialAnswer.body),
          },
        ]
      : [];

  const SPEC = {
    Article: { request: content, fields: ARTICLE_FIELDS, list: 'articles', docs: articleDocs },
    LibraryItem: { request: library, fields: ITEM_FIELDS, list: 'libraryItems', docs: itemDocs },
    Thread: { request: forum, fields: THREAD_FIELDS, list: 'threads', docs: threadDocs },
  } as const;

  type Remote = keyof typeof SPEC;

  return {
    /** The source types read from other services. */
    types: Object.keys(SPEC) as Remote[],

    /** Current documents of `ids` (an id with no documents is not published, or gone). */
    async fetch(type: Remote, ids: readonly string[]): Promise<FetchedSource[]> {
      const spec = SPEC[type];
      const out: FetchedSource[] = [];
      for (let i = 0; i < ids.length; i += CHUNK) {
        const chunk = ids.slice(i, i + CHUNK);
        const data = await spec.request<{ _entities: unknown[] }>(
          `query AssistantSources($r: [_Any!]!) { _entities(representations: $r) { ... on ${type} { ${spec.fields} } } }`,
          { r: chunk.map((id) => ({ __typename: type, id })) },
        );
        chunk.forEach((id, n) => {
          const found = data._entities?.[n] as never | null;
          out.push({ id, docs: found ? (spec.docs as (x: never) => SourceDocument[])(found) : [] });
        });
      }
      return out;
    },

    /** Every published object of a type, page by page. */
    async *all(type: Remote): AsyncGenerator<FetchedSource[]> {
      const spec = SPEC[type];
      let after: string | null = null;
      for (;;) {
        const data: Record<
          string,
          { nodes: unknown[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } }
        > = await spec.request(
          `query AssistantList($first: Int, $after: String) { ${spec.list}(first: $first, after: $after) { nodes { ${spec.fields} } pageInfo { hasNextPage endCursor } } }`,
          { first: PAGE, after },
        );
        const page = data[spec.list]!;
        yield page.nodes.map((node) => ({
          id: (node as { id: string }).id,
          docs: (spec.docs as (x: never) => SourceDocument[])(node as never),
        }));
        if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) return;
        after = page.pageInfo.endCursor;
      }
    },
  };
}

export type PortalSources = ReturnType<typeof createPortalSources>;
export type RemoteSourceType = Exclude<SourceType, 'Dataset'>;
