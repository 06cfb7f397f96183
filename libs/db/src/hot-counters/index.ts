export * from './hot-count-buffer';
export * from './hot-counter';
export * from './hot-counter-batch';
export * from './hot-counter.model';
export * from './packed-counts';
export * from './stat-periods';
export * from './audience';
export * from './portal-stats-key';
