// Demo data for local runs (npm start runs it once per database, after the other services'
// seeds): the open-data catalog synced from the portal (the simulator locally) with its
// previews, and the retrieval index built from the content the other services published.
import { connectDatabase, seedOnce } from '@portal/db';
import { env, workersConfig } from './env';
import { loggerFor } from './logger';
import { assistantModels } from './models';
import { loadDemoAssistant } from './demo-data';

const logger = loggerFor(env, 'assistant-seed');
const conn = await connectDatabase({ uri: env.MONGODB_URI, dbName: env.MONGODB_DB, logger });
try {
  await assistantModels.prepare(conn);
  await seedOnce(conn, 'demo', () => loadDemoAssistant(conn, workersConfig(env), logger), logger);
} finally {
  await conn.close();
}
