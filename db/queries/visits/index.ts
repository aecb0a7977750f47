export * from './contacts';
export * from './themes';
export * from './totals';
export * from './rollup';
export * from './dashboard';
