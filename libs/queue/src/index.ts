export * from './redis-connection';
export * from './payloads';
export * from './job-id';
export * from './producer';
export * from './worker';
export * from './outbox';
export * from './graph-changes';
export * from './queue-metrics';
