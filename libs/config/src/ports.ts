/** Default local ports. Dev services avoid the standard ports of servers a machine may already run. */
export const DEFAULT_PORTS = {
  gateway: 4000,
  content: 4001,
  library: 4002,
  forum: 4003,
  bulletin: 4004,
  referral: 4005,
  engagement: 4006,
  'hotline-sim': 4010,
  notifier: 4106,
  ferretdb: 27117,
  redis: 6380,
  /** The embedded S3 server `npm start` runs for LIBRARY_STORAGE=s3 when no S3_ENDPOINT is set. */
  s3: 9100,
  smtp: 1025,
  smtpHttp: 1080,
} as const;

export type SubgraphName = 'content' | 'library' | 'forum' | 'bulletin' | 'referral' | 'engagement';

export const SUBGRAPHS: readonly SubgraphName[] = [
  'content',
  'library',
  'forum',
  'bulletin',
  'referral',
  'engagement',
];

/** Ops ports (/healthz, /readyz, /metrics) of the worker processes. */
export const DEFAULT_WORKER_OPS_PORTS = {
  content: 4101,
  library: 4102,
  forum: 4103,
  bulletin: 4104,
  referral: 4105,
  /** 4106 is the notifier's; 4107 is kept for the assistant's worker. */
  engagement: 4116,
} as const;
