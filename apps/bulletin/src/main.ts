// The bulletin subgraph: monthly issues, subscriptions, read-aloud audio (port 4004).
import { Producer } from '@portal/queue';
import { runSubgraph } from '@portal/service-runtime';
import { env, serverConfig } from './env';
import { startServer } from './server';

await runSubgraph({ name: 'bulletin', env }, async (rt) => {
  const publishProducer = new Producer('bulletin-publish', rt.redis, env.QUEUE_PREFIX);
  const notificationsProducer = new Producer('notifications', rt.redis, env.QUEUE_PREFIX);
  rt.onClose(() => Promise.all([publishProducer.close(), notificationsProducer.close()]));
  const bulletin = await startServer(serverConfig(env), {
    ...rt,
    publishProducer,
    notificationsProducer,
  });
  // Jobs recorded while Redis was unreachable go out once it is back.
  bulletin.outbox.start();
  return bulletin;
});
