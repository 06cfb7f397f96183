/** Default local ports. Dev services avoid the standard ports of servers a machine may already run. */
export const DEFAULT_PORTS = {
  gateway: 4000,
  /** The gateway's ops port: /healthz, /readyz and /metrics, kept off the public one. */
  gatewayOps: 4100,
  content: 4001,
  library: 4002,
  forum: 4003,
  bulletin: 4004,
  referral: 4005,
  engagement: 4006,
  assistant: 4007,
  'hotline-sim': 4010,
  /** The CKAN-compatible open-data portal stand-in (development and tests). */
  'opendata-sim': 4011,
  /** The reference web portal (server-rendered pages and the staff console). */
  'portal-web': 4200,
  /** The web portal's ops port: /healthz, /readyz and /metrics. */
  portalWebOps: 4300,
  notifier: 4106,
  ferretdb: 27117,
  redis: 6380,
  /** The embedded S3 server `npm start` runs for LIBRARY_STORAGE=s3 when no S3_ENDPOINT is set. */
  s3: 9100,
  smtp: 1025,
  smtpHttp: 1080,
} as const;

export type SubgraphName =
  'content' | 'library' | 'forum' | 'bulletin' | 'referral' | 'engagement' | 'assistant';

export const SUBGRAPHS: readonly SubgraphName[] = [
  'content',
  'library',
  'forum',
  'bulletin',
  'referral',
  'engagement',
  'assistant',
];

/** Ops ports (/healthz, /readyz, /metrics) of the worker processes. */
export const DEFAULT_WORKER_OPS_PORTS = {
  content: 4101,
  library: 4102,
  forum: 4103,
  bulletin: 4104,
  referral: 4105,
  /** 4106 is the notifier's. */
  engagement: 4116,
  assistant: 4117,
} as const;

/**
 * Ports fetch and browsers refuse to connect to (the WHATWG Fetch "bad port" list): a
 * server there is unreachable from the portal's own clients, so no HTTP port may land on one.
 */
export const FETCH_BLOCKED_PORTS: ReadonlySet<number> = new Set([
  0, 1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95, 101, 102,
  103, 104, 109, 110, 111, 113, 115, 117, 119, 123, 135, 137, 139, 143, 161, 179, 389, 427, 465,
  512, 513, 514, 515, 526, 530, 531, 532, 540, 548, 554, 556, 563, 587, 601, 636, 989, 990, 993,
  995, 1719, 1720, 1723, 2049, 3659, 4045, 4190, 5060, 5061, 6000, 6566, 6665, 6666, 6667, 6668,
  6669, 6679, 6697, 10080,
]);

/** Every HTTP port a local run listens on (apps, worker ops ports, the mail sink's web view, S3), by name. */
export function localHttpPorts(offset: number): Record<string, number> {
  const { ferretdb: _db, redis: _redis, smtp: _smtp, ...http } = DEFAULT_PORTS;
  const ports: Record<string, number> = {};
  for (const [name, port] of Object.entries(http)) ports[name] = port + offset;
  for (const [name, port] of Object.entries(DEFAULT_WORKER_OPS_PORTS))
    ports[`${name}-worker`] = port + offset;
  return ports;
}

/** Every port a local run at `offset` may take (`localHttpPorts` and FerretDB, Redis, SMTP). */
export function localPorts(offset: number): number[] {
  return [...Object.values(DEFAULT_PORTS), ...Object.values(DEFAULT_WORKER_OPS_PORTS)].map(
    (port) => port + offset,
  );
}

/**
 * Why PORT_OFFSET cannot be used, or null when it can: a whole number from 0 to 50000 that
 * puts no HTTP port on the fetch blocked-port list (PORT_OFFSET=2000 would put the gateway on
 * 6000, which every fetch refuses).
 */
export function portOffsetProblem(raw: string | undefined): string | null {
  const offset = Number(raw ?? 0);
  if (!Number.isInteger(offset) || offset < 0 || offset > 50_000)
    return 'PORT_OFFSET must be a whole number from 0 to 50000';
  const blocked = Object.entries(localHttpPorts(offset)).filter(([, port]) =>
    FETCH_BLOCKED_PORTS.has(port),
  );
  if (!blocked.length) return null;
  return (
    `PORT_OFFSET=${offset} puts ${blocked.map(([name, port]) => `${name} on ${port}`).join(', ')}, ` +
    "a port that fetch and browsers refuse (the Fetch standard's blocked ports); choose another offset"
  );
}
