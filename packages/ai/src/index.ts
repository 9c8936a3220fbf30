export * from './models';
export * from './moderation';
export * from './offline-tutor';
export * from './passages';
export * from './replay-model';
