export * from './connection';
export * from './unique';
export * from './pagination';
export * from './seed';
export * from './by-ids';
export * from './graph-changes';
export * from './page-cache';
export * from './object-id';
