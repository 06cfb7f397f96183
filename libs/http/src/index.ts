export * from './metrics';
export * from './ops-server';
export * from './event-loop';
export * from './http-errors';
export * from './rate-limit';
export * from './deadline';
export * from './rate-limiters';
export * from './held-replies';
