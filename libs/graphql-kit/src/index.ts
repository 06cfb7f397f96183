export * from './scalars';
export * from './errors';
export * from './validation';
export * from './context';
export * from './loaders';
export * from './service-client';
export * from './schema-file';
export * from './entity';
