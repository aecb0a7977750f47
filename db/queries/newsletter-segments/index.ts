export * from './filter';
export * from './segments';
