import type { BaseContext } from '@portal/graphql-kit';
import type { AudienceCounter } from '@portal/db';
import type { ServiceContext } from './services/service-context';

/** What every library resolver gets. */
export interface LibraryContext extends BaseContext, ServiceContext {
  /** Where file URLs start (the gateway, which forwards `/files/*` here). */
  publicBaseUrl: string;
  /** Who counts as one client for "once per client per day" (hashed). */
  client: string;
  /** Item page views by audience class (portal statistics). */
  audience: AudienceCounter;
}
