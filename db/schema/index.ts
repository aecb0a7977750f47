// One file per feature; this index is what drizzle-kit and the query builder see.
export * from './territory';
export * from './accounts';
export * from './mail';
export * from './trainings';
export * from './audience';
export * from './documents';
export * from './idempotency';
export * from './contributions';
export * from './training-documents';
export * from './figures';
export * from './newsletter-segments';
export * from './newsletters';
export * from './visits';
export * from './news';
