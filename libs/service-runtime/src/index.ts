export * from './subgraph-server';
export * from './run-service';
export * from './run-http-app';
export * from './run-subgraph';
export * from './run-worker';
export * from './readiness';
export * from './workers-queue';
