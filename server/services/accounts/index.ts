// The accounts feature's use cases, split by use case; rows are mapped in ./mapping.ts, refusals in ./refusals.ts.
export * from './establishments';
export * from './mapping';
export * from './me';
export * from './one-time-links';
export * from './personal-data';
export * from './refusals';
export * from './territory';
export * from './users';
