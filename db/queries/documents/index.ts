// The documents feature's queries, split by use case.
export * from './documents';
export * from './downloads';
export * from './folders';
export * from './search';
export * from './processing';
export * from './contributions';
export * from './follows';
