export * from './sanitize';
export * from './xss-payloads';
