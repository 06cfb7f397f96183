export * from './connection';
export * from './unique';
export * from './pagination';
export * from './seed';
export * from './by-ids';
export * from './object-id';
