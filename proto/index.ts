export * from './codes.js';
export * from './limits.js';
export * from './codec.js';
