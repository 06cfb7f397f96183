/** Default local ports. Dev services avoid the standard ports of servers a machine may already run. */
export const DEFAULT_PORTS = {
  gateway: 4000,
  content: 4001,
  library: 4002,
  forum: 4003,
  bulletin: 4004,
  referral: 4005,
  'hotline-sim': 4010,
  /** The reference web portal (server-rendered pages and the staff console). */
  'portal-web': 4200,
  notifier: 4106,
  ferretdb: 27117,
  redis: 6380,
  /** The embedded S3 server `npm start` runs for LIBRARY_STORAGE=s3 when no S3_ENDPOINT is set. */
  s3: 9100,
  smtp: 1025,
  smtpHttp: 1080,
} as const;

export type SubgraphName = 'content' | 'library' | 'forum' | 'bulletin' | 'referral';

export const SUBGRAPHS: readonly SubgraphName[] = [
  'content',
  'library',
  'forum',
  'bulletin',
  'referral',
];

/** Ops ports (/healthz, /readyz, /metrics) of the worker processes. */
export const DEFAULT_WORKER_OPS_PORTS = {
  content: 4101,
  library: 4102,
  forum: 4103,
  bulletin: 4104,
  referral: 4105,
} as const;
