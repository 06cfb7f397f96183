// Demo data for the bulletin: twelve monthly issues pointing at content's published
// articles (npm start seeds the bulletin last, once the content service is up).
import { connectDatabase, seedOnce } from '@portal/db';
import { createLogger } from '@portal/logger';
import { renderSpeech } from './audio/speech-renderer';
import { createContentArticles } from './content/content-articles';
import { contentClientConfig, env, ttsConfig } from './env';
import { bulletinModels } from './models';
import { seedDemoIssues, type DemoSeedDeps } from './seed/demo-issues';

const logger = createLogger({ service: 'bulletin-seed', level: env.LOG_LEVEL, pretty: false });
const conn = await connectDatabase({ uri: env.MONGODB_URI, dbName: env.MONGODB_DB, logger });
try {
  const deps: DemoSeedDeps = {
    models: await bulletinModels.prepare(conn),
    content: createContentArticles({ ...contentClientConfig(env), logger }),
    renderSpeech: (text, fileName) => renderSpeech(text, fileName, ttsConfig(env)),
    logger,
  };
  await seedOnce(conn, 'demo', () => seedDemoIssues(deps), logger);
} finally {
  await conn.close();
}
