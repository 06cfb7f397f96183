// `npm run seed` / `npm start`: the forum's demo data, once per database.
import { seedOnce } from '@portal/db';
import { openSeedConnections } from '@portal/queue';
import { seedForumDemo } from './demo-seed';
import { loadSeedEnv } from './env';
import { forumModels } from './models';
import { syncThreadFacts } from './stats/thread-facts';

// Seeded threads reach the graph as any write does: cached lists of them are dropped (the
// services may have cached empty ones already) and the assistant indexes them.
const { conn, close, logger } = await openSeedConnections(loadSeedEnv(), 'forum-seed');
try {
  const models = await forumModels.prepare(conn);
  await seedOnce(conn, 'forum-demo', () => seedForumDemo(models), logger);
  // The seed writes threads and answers directly, not through the services that keep the
  // participation facts: bring them up to date (the worker may have built them empty already).
  await syncThreadFacts(models, logger);
} finally {
  await close();
}
