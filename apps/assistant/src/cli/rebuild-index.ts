// Rebuilds the assistant's retrieval index from the published content of the other services
// and the synced catalog: `npm run assistant:rebuild-index` (same environment as the worker).
import { connectDatabase } from '@portal/db';
import { env, workersConfig } from '../env';
import { loggerFor } from '../logger';
import { assistantModels } from '../models';
import { createPortalSources } from '../retrieval/portal-sources';
import { createAssistantCore } from '../services';
import { IndexService } from '../services/index.service';

const logger = loggerFor(env, 'assistant-rebuild-index');
const conn = await connectDatabase({ uri: env.MONGODB_URI, dbName: env.MONGODB_DB, logger });
try {
  await assistantModels.prepare(conn);
  const config = workersConfig(env);
  const core = createAssistantCore({
    conn,
    webBaseUrl: config.webBaseUrl,
    portalUrl: config.catalog.portalUrl,
    logger,
  });
  const counts = await new IndexService({
    models: core.models,
    index: core.index,
    sources: createPortalSources(config.sources),
    portalUrl: config.catalog.portalUrl,
    logger,
  }).rebuild();
  process.stdout.write(`retrieval index rebuilt: ${JSON.stringify(counts)}\n`);
} finally {
  await conn.close();
}
