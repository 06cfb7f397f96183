export * from './paths';
export * from './system-packages';
export * from './ferretdb';
export * from './redis';
export * from './smtp-sink';
export * from './net';
export * from './process-group';
