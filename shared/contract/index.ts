export * from './errors';
export * from './operations';
export * from './validate';
