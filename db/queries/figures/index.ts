export * from './monthly';
export * from './rollup';
export * from './reminders';
export * from './editions';
