import type { InternalTokenSigner, Viewer } from '@portal/auth';
import type { Logger } from '@portal/logger';
import type { RequestAccess } from './http/access.middleware';
import type { Identity } from './identity/identity';

/** What the gateway's plugins and data sources know about one GraphQL request. */
export interface GatewayContext {
  requestId: string;
  identity: Identity;
  viewer: Viewer;
  clientKey: string;
  logger: Logger;
  /** The signed internal token `subgraph` receives (addressed to it alone, reused while fresh). */
  internalToken(subgraph: string): Promise<string>;
}

export function createGatewayContext(
  access: RequestAccess,
  options: { tokenFor: InternalTokenSigner; logger: Logger },
): GatewayContext {
  return {
    requestId: access.requestId,
    identity: access.identity,
    viewer: access.identity.viewer,
    clientKey: access.clientKey,
    // The request id is already on every line through the request context (see requestIdMiddleware).
    logger: options.logger,
    internalToken: (subgraph) =>
      options.tokenFor(access.identity.viewer, subgraph, access.clientKey),
  };
}
