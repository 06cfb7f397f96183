// The referral subgraph: hotline referrals and their tracking, and the hotline's callbacks (port 4005).
import { Outbox } from '@portal/queue';
import { runSubgraph } from '@portal/service-runtime';
import { createForumClient } from './clients/forum-client';
import { dispatchPolicy, env, forumClientConfig, serverConfig } from './env';
import { closeProducers, createProducers } from './jobs/producers';
import { referralModels } from './models';
import { startServer } from './server';
import { CategoryService } from './services/category.service';

await runSubgraph({ name: 'referral', env }, async (rt) => {
  const added = await new CategoryService(await referralModels.prepare(rt.conn)).ensureDefaults();
  if (added) rt.logger.info({ added }, 'hotline categories added from the reference data');
  const producers = createProducers(rt.redis, env.QUEUE_PREFIX, dispatchPolicy(env));
  // Jobs that follow a write are recorded here first, and relayed if Redis was down.
  const outbox = new Outbox(rt.conn, producers, rt.logger);
  outbox.start();
  rt.onClose(() => closeProducers(producers));
  rt.onClose(() => outbox.stop());
  const forum = createForumClient(forumClientConfig(env));
  return startServer(serverConfig(env), { ...rt, outbox, forum });
});
