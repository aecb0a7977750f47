export * from './campaigns';
export * from './consent';
export * from './sending';
export * from './personal-data';
export * from './composer';
export * from './links';
