export * from './load-env';
export * from './fragments';
export * from './ports';
export * from './lifecycle';
export * from './web-pages';
export { z } from 'zod';
