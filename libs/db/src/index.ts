export * from './connection';
export * from './unique';
export * from './slug';
export * from './pagination';
export * from './seed';
export * from './by-ids';
export * from './graph-changes';
export * from './page-cache';
export * from './object-id';
export * from './query-budget';
export * from './hot-counters';
export * from './connection-watchdog';
<<<<<<< HEAD
export * from './model-on';
=======
export * from './prepare-database';
export * from './find-by-id';
>>>>>>> dedupe-svc-a
