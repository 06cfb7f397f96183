export * from './fold';
export * from './search';
export * from './control-characters';
export * from './distinct-by';
export * from './distinct-folded';
export * from './join-up-to';
