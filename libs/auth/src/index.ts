export * from './viewer';
export * from './internal-token';
export * from './person-token';
export * from './dev-keys';
export * from './public-user-id';
export * from './client-key';
