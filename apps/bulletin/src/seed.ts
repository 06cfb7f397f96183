// Demo data for the bulletin: twelve monthly issues pointing at content's published
// articles (npm start seeds the bulletin last, once the content service is up).
import { connectDatabase, seedOnce } from '@portal/db';
import { createLogger } from '@portal/logger';
import { audioDirOf } from './audio/audio-dir';
import { renderSpeech } from './audio/speech-renderer';
import { createContentArticles } from './content/content-articles';
import { env } from './env';
import { bulletinModels } from './models';
import { seedDemoIssues } from './seed/demo-issues';

const logger = createLogger({ service: 'bulletin-seed', level: env.LOG_LEVEL, pretty: false });
const conn = await connectDatabase({ uri: env.MONGODB_URI, dbName: env.MONGODB_DB, logger });
try {
  const models = await bulletinModels.prepare(conn);
  await seedOnce(
    conn,
    'demo',
    async () => {
      await seedDemoIssues({
        models,
        content: createContentArticles({
          contentUrl: env.CONTENT_URL,
          internalTokenSecret: env.INTERNAL_TOKEN_SECRET,
          logger,
        }),
        renderSpeech: (text, fileName) =>
          renderSpeech(text, fileName, {
            engine: env.TTS_ENGINE,
            voice: env.TTS_VOICE,
            wordsPerMinute: env.TTS_SPEED,
            encoder: env.TTS_ENCODER,
            bitrateKbps: env.TTS_BITRATE_KBPS,
            dir: audioDirOf(env.DATA_DIR),
          }),
        logger,
      });
    },
    logger,
  );
} finally {
  await conn.close();
}
