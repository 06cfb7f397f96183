// Writes the published demo content of a running stack (`npm start`) as the evaluation
// corpus: the documents the assistant indexes from the content, library and forum
// subgraphs, read through their APIs exactly as the worker reads them.
//   CONTENT_URL=… LIBRARY_URL=… FORUM_URL=… INTERNAL_TOKEN_SECRET=… tsx apps/assistant/eval/snapshot-corpus.ts
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { env } from '../src/env';
import { createPortalSources } from '../src/retrieval/portal-sources';

const sources = createPortalSources({
  contentUrl: env.CONTENT_URL,
  libraryUrl: env.LIBRARY_URL,
  forumUrl: env.FORUM_URL,
  internalTokenSecret: env.INTERNAL_TOKEN_SECRET,
  publicBaseUrl: 'https://cds.hochiminhcity.gov.vn',
});
const corpus: { type: string; id: string; docs: unknown[] }[] = [];
for (const type of sources.types)
  for await (const page of sources.all(type))
    for (const found of page)
      if (found.docs.length) corpus.push({ type, id: found.id, docs: found.docs });
const out = join(import.meta.dirname, 'corpus.json');
writeFileSync(out, `${JSON.stringify(corpus, null, 1)}\n`);
process.stdout.write(`${corpus.length} sources written to ${out}\n`);
