export * from './records.js';
export * from './session.js';
export * from './features.js';
export * from './classifiers.js';
export * from './policy.js';
export * from './stores.js';
export * from './mode.js';
