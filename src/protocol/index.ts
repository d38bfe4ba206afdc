export * from './values.js';
export * from './errors.js';
export * from './cmdlet.js';
export * from './host.js';
