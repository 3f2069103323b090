export * from './codes.js';
export * from './limits.js';
export * from './codec.js';
export * from './stream-codec.js';
