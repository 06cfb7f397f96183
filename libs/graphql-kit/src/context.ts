import type { Viewer } from '@portal/auth';
import type { Logger } from '@portal/logger';

/** What every resolver gets; services extend it with their models and loaders. */
export interface BaseContext {
  requestId: string;
  viewer: Viewer;
  /** Opaque per-client key from the gateway (for once-per-client counting); null if unknown. */
  clientKey: string | null;
  logger: Logger;
}
