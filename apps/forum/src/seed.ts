// `npm run seed` / `npm start`: the forum's demo data, once per database.
import { connectDatabase, seedOnce } from '@portal/db';
import { createLogger } from '@portal/logger';
import { seedForumDemo } from './demo-seed';
import { loadSeedEnv } from './env';
import { forumModels } from './models';

const env = loadSeedEnv();
const logger = createLogger({ service: 'forum-seed', level: env.LOG_LEVEL, pretty: false });
const connection = await connectDatabase({ uri: env.MONGODB_URI, dbName: env.MONGODB_DB, logger });
try {
  const models = forumModels(connection);
  for (const model of Object.values(models)) await model.init();
  await seedOnce(connection, 'forum-demo', () => seedForumDemo(models), logger);
} finally {
  await connection.close();
}
