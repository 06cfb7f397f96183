export * from './test-env';
export * from './graphql-client';
export * from './viewers';
export * from './wait';
export * from './spawn-app';
export * from './xss-payloads';
export * from './timeouts';
export * from './metrics';
