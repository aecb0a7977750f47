// The accounts feature's queries, split by use case.
export * from './establishments';
export * from './invitations';
export * from './me';
export * from './passwords';
export * from './personal-data';
export * from './sort';
export * from './territory';
export * from './users';
