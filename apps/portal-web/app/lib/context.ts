/** What the server hands every loader and action (React Router's load context). */
export interface PortalConfig {
  /** The gateway's GraphQL endpoint as this server reaches it. */
  graphqlUrl: string;
  /** Where people reach the portal: canonical links, OpenGraph, the sitemap. */
  publicUrl: string;
  /** Where browsers reach the gateway (feeds, files, audio). */
  gatewayPublicUrl: string;
  production: boolean;
  sessionSecret: string;
  auth:
    | { mode: 'dev'; keysDir: string }
    | {
        mode: 'oidc';
        issuer: string;
        clientId: string;
        clientSecret?: string;
        scopes: string;
      };
}

export interface PortalLoadContext {
  config: PortalConfig;
  /** The CSP nonce of this response's inline scripts. */
  nonce: string;
  /** The visitor's address, forwarded to the gateway for its per-client rate limits. */
  clientIp: string;
  requestId: string;
  /** Tells the ops side which route rendered and what failed (the server's metrics). */
  observe?: {
    route(id: string): void;
    error(phase: 'loader' | 'render'): void;
  };
}

declare module 'react-router' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppLoadContext extends PortalLoadContext {}
}
