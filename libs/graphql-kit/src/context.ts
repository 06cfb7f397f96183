import type { Viewer } from '@portal/auth';
import type { Logger } from '@portal/logger';

/** What every resolver gets; services extend it with their models and loaders. */
export interface BaseContext {
  requestId: string;
  viewer: Viewer;
  logger: Logger;
}
