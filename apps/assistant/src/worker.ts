// The assistant worker: catalog sync and previews, the retrieval index, conversation retention.
import { runWorker } from '@portal/service-runtime';
import { env, workersConfig } from './env';
import { startAssistantWorkers } from './jobs/start-workers';
import { assistantModels } from './models';

await runWorker({ name: 'assistant-worker', env }, async (rt) => {
  await assistantModels.prepare(rt.conn);
  return startAssistantWorkers(workersConfig(env), rt);
});
