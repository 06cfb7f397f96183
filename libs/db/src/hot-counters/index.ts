export * from './hot-counter';
export * from './hot-counter-batch';
export * from './hot-counter.model';
export * from './packed-counts';
export * from './stat-periods';
