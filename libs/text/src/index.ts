export * from './fold';
export * from './search';
