export * from './load-env';
export * from './fragments';
export * from './ports';
export * from './lifecycle';
export { z } from 'zod';
