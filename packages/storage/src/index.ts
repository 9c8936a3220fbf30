export * from './storage';
export * from './detect-image-type';
export * from './local-disk';
export * from './uploadthing-storage';
export * from './create-storage';
export * from './token';
