import type { InternalTokenSigner, Viewer } from '@portal/auth';
import type { Logger } from '@portal/logger';
import type { AnswerTag } from './cache/answer-tags';
import type { AnsweredOperation } from './http/in-flight-answers';
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
  /**
   * What the response cache says of this request's answer, in one object Apollo's shallow
   * copies of the context share (so the HTTP handler sees what the plugin wrote).
   */
  readonly cacheNote: { storable?: StorableAnswer };
  /** Present when identical requests in flight may share this one's answer (see InFlightAnswers). */
  readonly answerSharing?: AnswerSharing;
}

/** How a request's answer is shared with identical requests in flight (answerSharingPlugin). */
export interface AnswerSharing {
  /** Called once the request is known to be a query: identical requests may now wait for it. */
  open(): void;
  /** The operation answered, for the metrics of the requests that waited (metricsPlugin sets it). */
  operation?: AnsweredOperation;
}

/** An answer that may be replayed to anonymous callers (see ServedAnswers). */
export interface StorableAnswer {
  tags: readonly AnswerTag[];
  /** Epoch ms when its data was computed. */
  cacheTime: number;
  /** Seconds it stays fresh. */
  maxAge: number;
  operationName: string | null;
}

export function createGatewayContext(
  access: RequestAccess,
  options: { tokenFor: InternalTokenSigner; logger: Logger; answerSharing?: AnswerSharing },
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
    cacheNote: {},
    answerSharing: options.answerSharing,
  };
}
