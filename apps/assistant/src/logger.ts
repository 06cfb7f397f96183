import { createLogger } from '@portal/logger';
import type { AssistantEnv } from './env';

/** This process's logger, configured from the environment. */
export function loggerFor(env: AssistantEnv, process: string) {
  return createLogger({ service: process, level: env.LOG_LEVEL, format: env.LOG_FORMAT });
}
