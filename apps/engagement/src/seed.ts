// Demo data for local runs (npm start runs it once per database): surveys with answers, a
// poll shown with an article, one with a forum thread, and upcoming webinars with registrations and questions.
import { seedOnce } from '@portal/db';
import { Outbox, openSeedConnections } from '@portal/queue';
import { seedDemoEngagement } from './demo-data';
import { env } from './env';
import { closeProducers, createProducers } from './jobs/producers';
import { engagementModels } from './models';
import { createEngagementCore } from './services';

// Connected before the producers use it: a queue asks Redis at once, and on a busy machine a
// connection still opening failed that first command and the seed with it.
const { conn, logger, redis, close } = await openSeedConnections(env, 'engagement-seed', {
  redisRequired: true,
});
const producers = createProducers(redis, env.QUEUE_PREFIX);
try {
  await engagementModels.prepare(conn);
  // Reminders and confirmation e-mails of the demo go through the outbox like any other.
  const core = createEngagementCore({
    conn,
    outbox: new Outbox(conn, producers, logger),
    events: producers['engagement-events'],
    webBaseUrl: env.WEB_BASE_URL,
    secret: env.INTERNAL_TOKEN_SECRET,
    logger,
  });
  await seedOnce(conn, 'demo', () => seedDemoEngagement(core, logger), logger);
} finally {
  await closeProducers(producers);
  await close();
}
