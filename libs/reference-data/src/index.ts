export * from './units';
export * from './hotline-categories';
