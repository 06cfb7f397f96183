import type { BaseContext } from '@portal/graphql-kit';
import type { ServiceContext } from './services/service-context';

/** What every library resolver gets. */
export interface LibraryContext extends BaseContext, ServiceContext {
  /** Where file URLs start (the gateway, which forwards `/files/*` here). */
  publicBaseUrl: string;
  /** Who counts as one client for "once per client per day" (hashed). */
  client: string;
}
